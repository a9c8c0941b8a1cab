package io.jenkins.plugins.mlgitops.adapters;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves a step's {@code credentialsId} with the credentials plugin, in the context of the run (so folder and
 * job credentials are found, with the permissions of the build's authentication), records the use on the build
 * ({@code CredentialsProvider.track}) and copies the secret values into the Jenkins-free {@link GitCredentials} that
 * travels to the agent.
 */
public final class JenkinsCredentials {
    private JenkinsCredentials() {
    }

    /**
     * The credential's values, or {@link GitCredentials#NONE} for a blank id.
     *
     * @throws AbortException when the build cannot use a credential with that id, or its kind is not supported
     */
    public static GitCredentials resolve(final String functionName, final String credentialsId, final Run<?, ?> run)
            throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return GitCredentials.NONE;
        }
        String id = credentialsId.trim();
        StandardCredentials found = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (found == null) {
            throw new AbortException(functionName + ": no credentials with id '" + id + "' that this build may use. "
                    + "Add them in Manage Jenkins › Credentials (or the folder's credentials) or fix credentialsId.");
        }
        CredentialsProvider.track(run, found);
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
        throw new AbortException(functionName + ": credentials '" + id + "' are a " + found.getClass().getSimpleName()
                + "; use Username with password, Secret text (a token) or SSH Username with private key.");
    }

    private static String plain(final Secret secret) {
        return secret == null ? "" : secret.getPlainText();
    }
}
