package io.jenkins.plugins.mlgitops.adapters;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.KubernetesAccess;
import io.jenkins.plugins.mlgitops.steps.engine.ServiceCredentials;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Resolves a credentials id with the credentials plugin, in the context of the run (so folder and job credentials
 * are found, with the permissions of the build's authentication), records the use on the build
 * ({@code CredentialsProvider.track}) and copies the secret values into the Jenkins-free types that travel to the
 * agent with one step call: {@link GitCredentials} (the GitOps repository), {@link ServiceCredentials} (MLflow,
 * Prometheus) and {@link KubernetesAccess} (a kubeconfig). Messages name the id and the kinds that work, never a value.
 */
public final class JenkinsCredentials {
    private JenkinsCredentials() {
    }

    /**
     * The GitOps repository's credential, or {@link GitCredentials#NONE} for a blank id.
     *
     * @throws AbortException when the build cannot use a credential with that id, or its kind is not supported
     */
    public static GitCredentials resolve(final String functionName, final String credentialsId, final Run<?, ?> run)
            throws AbortException {
        if (isBlank(credentialsId)) {
            return GitCredentials.NONE;
        }
        String id = credentialsId.trim();
        StandardCredentials found = find(functionName, id, run);
        if (found instanceof StandardUsernamePasswordCredentials basic) {
            return GitCredentials.usernamePassword(id, basic.getUsername(), plain(basic.getPassword()));
        }
        if (found instanceof StringCredentials text) {
            return GitCredentials.token(id, plain(text.getSecret()));
        }
        if (found instanceof SSHUserPrivateKey key) {
            try {
                return GitCredentials.sshKey(id, key.getUsername(), key.getPrivateKeys(), key.getPassphrase() == null
                        ? null : plain(key.getPassphrase()));
            }
            catch (IllegalArgumentException empty) {
                throw new AbortException(functionName + ": " + empty.getMessage());
            }
        }
        throw unsupported(functionName, id, found, "Username with password, Secret text (a token) or SSH Username "
                + "with private key");
    }

    /**
     * The credential of a server the engine calls (a configured MLflow or Prometheus server), or
     * {@link ServiceCredentials#NONE} for a blank id.
     *
     * @throws AbortException when the build cannot use a credential with that id, or it is neither a user name and
     *                        password nor a secret text
     */
    public static ServiceCredentials service(final String functionName, final ServiceCredentials.Service service,
            final String credentialsId, final Run<?, ?> run) throws AbortException {
        if (isBlank(credentialsId)) {
            return ServiceCredentials.NONE;
        }
        String id = credentialsId.trim();
        StandardCredentials found = find(functionName, id, run);
        if (found instanceof StandardUsernamePasswordCredentials basic) {
            return ServiceCredentials.usernamePassword(service, id, basic.getUsername(), plain(basic.getPassword()));
        }
        if (found instanceof StringCredentials text) {
            return ServiceCredentials.token(service, id, plain(text.getSecret()));
        }
        throw unsupported(functionName, id, found, "Username with password or Secret text (a token)");
    }

    /**
     * The configured Kubernetes cluster: the kubeconfig of a Secret file credential, or the agent's discovery
     * (in-cluster) for a blank id.
     *
     * @param context the kubeconfig context, or {@code null}
     * @throws AbortException when the build cannot use a credential with that id, it is not a Secret file, or its
     *                        content cannot be read or is empty
     */
    public static KubernetesAccess kubernetes(final String functionName, final String credentialsId,
            final String context, final Run<?, ?> run) throws AbortException {
        if (isBlank(credentialsId)) {
            return KubernetesAccess.discovery(context);
        }
        String id = credentialsId.trim();
        StandardCredentials found = find(functionName, id, run);
        if (!(found instanceof FileCredentials file)) {
            throw unsupported(functionName, id, found, "Secret file (the kubeconfig)");
        }
        try (InputStream content = file.getContent()) {
            return KubernetesAccess.kubeconfig(id, new String(content.readAllBytes(), StandardCharsets.UTF_8),
                    context);
        }
        catch (IOException unreadable) {
            throw new AbortException(functionName + ": cannot read the kubeconfig of credentials '" + id + "' ("
                    + unreadable.getClass().getSimpleName() + "); upload it again in Manage Jenkins › Credentials.");
        }
        catch (IllegalArgumentException empty) {
            throw new AbortException(functionName + ": " + empty.getMessage());
        }
    }

    /** The credential the run may use, tracked on the build. */
    private static StandardCredentials find(final String functionName, final String id, final Run<?, ?> run)
            throws AbortException {
        StandardCredentials found = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (found == null) {
            throw new AbortException(functionName + ": no credentials with id '" + id + "' that this build may use. "
                    + "Add them in Manage Jenkins › Credentials (or the folder's credentials) or fix credentialsId.");
        }
        CredentialsProvider.track(run, found);
        return found;
    }

    private static AbortException unsupported(final String functionName, final String id,
            final StandardCredentials found, final String kinds) {
        return new AbortException(functionName + ": credentials '" + id + "' are a " + found.getClass()
                .getSimpleName() + "; use " + kinds + ".");
    }

    private static boolean isBlank(final String credentialsId) {
        return credentialsId == null || credentialsId.isBlank();
    }

    private static String plain(final Secret secret) {
        return secret == null ? "" : secret.getPlainText();
    }
}
