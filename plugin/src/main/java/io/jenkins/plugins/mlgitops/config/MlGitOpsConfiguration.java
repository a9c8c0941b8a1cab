package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

import java.util.ArrayList;
import java.util.List;

/**
 * <em>Manage Jenkins › System › ML GitOps</em>: the MLflow tracking servers steps refer to by name and the default
 * one, the Prometheus server and Kubernetes cluster of {@code mlCanary}, and the GitOps repository defaults of
 * {@code mlPromote}/{@code mlRollback} (docs/configuration.md). Credentials are kept as ids only. Persisted in
 * {@code $JENKINS_HOME/io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration.xml}; Configuration as Code under
 * {@code unclassified: mlGitOps:}.
 */
@Extension
@Symbol("mlGitOps")
public class MlGitOpsConfiguration extends GlobalConfiguration {
    private List<MlflowServer> mlflowServers = new ArrayList<>();
    private String defaultMlflowServer;
    private PrometheusServer prometheus;
    private KubernetesCluster kubernetes;
    private GitOpsDefaults gitOpsDefaults;

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

    public String getDefaultMlflowServer() {
        return defaultMlflowServer;
    }

    /** The server steps use when neither they nor the build's {@code MLFLOW_TRACKING_URI} name one. */
    @DataBoundSetter
    public void setDefaultMlflowServer(final String name) {
        this.defaultMlflowServer = Fields.trimmed(name);
        save();
    }

    public PrometheusServer getPrometheus() {
        return prometheus;
    }

    @DataBoundSetter
    public void setPrometheus(final PrometheusServer prometheus) {
        this.prometheus = prometheus;
        save();
    }

    public KubernetesCluster getKubernetes() {
        return kubernetes;
    }

    @DataBoundSetter
    public void setKubernetes(final KubernetesCluster kubernetes) {
        this.kubernetes = kubernetes;
        save();
    }

    public GitOpsDefaults getGitOpsDefaults() {
        return gitOpsDefaults;
    }

    @DataBoundSetter
    public void setGitOpsDefaults(final GitOpsDefaults gitOpsDefaults) {
        this.gitOpsDefaults = gitOpsDefaults;
        save();
    }

    /** The MLflow servers and the default as the Jenkins-free rules see them. */
    public MlflowTarget.Configured mlflowSettings() {
        return new MlflowTarget.Configured(getMlflowServers().stream().map(MlflowServer::settings).toList(),
                defaultMlflowServer);
    }

    /** The Prometheus server, or {@code null} when none is configured. */
    public PrometheusServerSettings prometheusSettings() {
        return prometheus == null ? null : prometheus.settings();
    }

    /** The Kubernetes cluster, or {@code null} when none is configured. */
    public KubernetesClusterSettings kubernetesSettings() {
        return kubernetes == null ? null : kubernetes.settings();
    }

    /** The GitOps repository defaults; {@link GitOpsRepositorySettings#NONE} when none are configured. */
    public GitOpsRepositorySettings gitOpsSettings() {
        return gitOpsDefaults == null ? GitOpsRepositorySettings.NONE : gitOpsDefaults.settings();
    }

    /**
     * Binds the submitted form. Every optional part is emptied first: the form carries no {@code mlflowServers}
     * field when the last server was deleted, and no block whose box was unchecked, and binding alone would then keep
     * the old values.
     */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        mlflowServers = new ArrayList<>();
        defaultMlflowServer = null;
        prometheus = null;
        kubernetes = null;
        gitOpsDefaults = null;
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** Warns when the default names none of the saved servers; only administrators may ask, and only by POST. */
    @POST
    public FormValidation doCheckDefaultMlflowServer(@QueryParameter final String value) {
        JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
        return FormValidations.of(mlflowSettings().checkDefault(value));
    }

    @Override
    public String getDisplayName() {
        return "ML GitOps";
    }
}
