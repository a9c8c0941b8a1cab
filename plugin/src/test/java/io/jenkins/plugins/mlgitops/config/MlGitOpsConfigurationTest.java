package io.jenkins.plugins.mlgitops.config;

import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The global configuration hands the Jenkins-free rules what it holds, and a submitted form that omits a block
 * removes it. (Persistence and the form itself need a real Jenkins; here {@code load} and {@code save} do nothing.)
 */
class MlGitOpsConfigurationTest {
    @Test
    void shouldHandTheConfiguredBlocksToTheRules() {
        MlGitOpsConfiguration configuration = configured();

        assertThat(configuration.mlflowSettings().servers()).containsExactly(
                new MlflowServerSettings("production", "https://mlflow.example.com", "mlflow-prod"));
        assertThat(configuration.mlflowSettings().defaultServer()).isEqualTo("production");
        assertThat(configuration.prometheusSettings()).isEqualTo(
                new PrometheusServerSettings("http://prometheus:9090", "prom-token", "30s"));
        assertThat(configuration.kubernetesSettings()).isEqualTo(new KubernetesClusterSettings("kube", "prod"));
        assertThat(configuration.gitOpsSettings()).isEqualTo(new GitOpsRepositorySettings(
                "https://git.example.com/deploy.git", "release", null, "Bot <bot@example.com>"));
    }

    @Test
    void shouldForgetTheBlocksAFormOmits() throws Exception {
        MlGitOpsConfiguration configuration = configured();
        MlflowServer kept = new MlflowServer("staging", "https://staging.example.com");

        assertThat(configuration.configure((bean, form) -> ((MlGitOpsConfiguration) bean)
                .setMlflowServers(List.of(kept)), null)).isTrue();

        assertThat(configuration.getMlflowServers()).containsExactly(kept);
        assertThat(configuration.getDefaultMlflowServer()).isNull();
        assertThat(configuration.prometheusSettings()).isNull();
        assertThat(configuration.kubernetesSettings()).isNull();
        assertThat(configuration.gitOpsSettings()).isSameAs(GitOpsRepositorySettings.NONE);
    }

    private static MlGitOpsConfiguration configured() {
        MlGitOpsConfiguration configuration = new Unsaved();
        MlflowServer production = new MlflowServer(" production ", "https://mlflow.example.com");
        production.setCredentialsId(" mlflow-prod ");
        configuration.setMlflowServers(List.of(production));
        configuration.setDefaultMlflowServer(" production ");
        PrometheusServer prometheus = new PrometheusServer("http://prometheus:9090");
        prometheus.setCredentialsId("prom-token");
        prometheus.setScrapeInterval("30s");
        configuration.setPrometheus(prometheus);
        KubernetesCluster kubernetes = new KubernetesCluster();
        kubernetes.setCredentialsId("kube");
        kubernetes.setContext("prod");
        configuration.setKubernetes(kubernetes);
        GitOpsDefaults defaults = new GitOpsDefaults();
        defaults.setRepository("https://git.example.com/deploy.git");
        defaults.setBranch("release");
        defaults.setCredentialsId(" ");
        defaults.setAuthor("Bot <bot@example.com>");
        configuration.setGitOpsDefaults(defaults);
        return configuration;
    }

    /** The configuration without Jenkins' XML file. */
    private static final class Unsaved extends MlGitOpsConfiguration {
        @Override
        public void load() {
            // nothing persisted in a unit test
        }

        @Override
        public void save() {
            // nothing persisted in a unit test
        }
    }
}
