package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.ArrayList;
import java.util.List;

/**
 * <em>Manage Jenkins › System › ML GitOps</em>: the MLflow tracking servers steps refer to by name. Persisted in
 * {@code $JENKINS_HOME/io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration.xml}; Configuration as Code under
 * {@code unclassified: mlGitOps: mlflowServers: [{name:, url:}]}.
 */
@Extension
@Symbol("mlGitOps")
public class MlGitOpsConfiguration extends GlobalConfiguration {
    private List<MlflowServer> mlflowServers = new ArrayList<>();

    public MlGitOpsConfiguration() {
        super();
        load();
    }

    /** The configuration Jenkins holds. */
    public static MlGitOpsConfiguration get() {
        return JenkinsFacade.singleton(MlGitOpsConfiguration.class);
    }

    public List<MlflowServer> getMlflowServers() {
        return mlflowServers == null ? new ArrayList<>() : mlflowServers;
    }

    @DataBoundSetter
    public void setMlflowServers(final List<MlflowServer> servers) {
        this.mlflowServers = servers == null ? new ArrayList<>() : new ArrayList<>(servers);
        save();
    }

    /** The servers as the Jenkins-free rules see them. */
    public List<MlflowServerSettings> serverSettings() {
        return getMlflowServers().stream().map(MlflowServer::settings).toList();
    }

    /**
     * Binds the submitted form. The list is emptied first: the form carries no {@code mlflowServers} field when the
     * last server was deleted, and binding alone would then keep the old list.
     */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        mlflowServers = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return "ML GitOps";
    }
}
