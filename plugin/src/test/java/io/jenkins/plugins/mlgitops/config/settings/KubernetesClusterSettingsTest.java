package io.jenkins.plugins.mlgitops.config.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured cluster: in-cluster or a kubeconfig credential; the step's own kubeconfig wins. */
class KubernetesClusterSettingsTest {
    private static final KubernetesClusterSettings KUBECONFIG = new KubernetesClusterSettings("kube-prod", "prod");
    private static final KubernetesClusterSettings IN_CLUSTER = new KubernetesClusterSettings(null, null);

    @Test
    void shouldWarnAboutAContextWithoutAKubeconfig() {
        assertThat(KubernetesClusterSettings.checkContext("prod", "kube-prod")).isEqualTo(Validation.ok());
        assertThat(KubernetesClusterSettings.checkContext("", null)).isEqualTo(Validation.ok());
        Validation orphan = KubernetesClusterSettings.checkContext("prod", " ");
        assertThat(orphan.kind()).isEqualTo(Validation.Kind.WARNING);
        assertThat(orphan.message()).startsWith("context applies to a kubeconfig only: choose the kubeconfig's "
                + "Secret file as credentialsId");
    }

    @Test
    void shouldUseTheConfiguredClusterWhenTheStepGivesNoKubeconfig() {
        assertThat(KubernetesClusterSettings.choose(KUBECONFIG, null, null))
                .isEqualTo(new KubernetesClusterSettings.Target("kube-prod", "prod"));
        assertThat(KubernetesClusterSettings.choose(KUBECONFIG, " ", "staging"))
                .isEqualTo(new KubernetesClusterSettings.Target("kube-prod", "staging"));
        assertThat(KubernetesClusterSettings.choose(IN_CLUSTER, null, null))
                .isEqualTo(new KubernetesClusterSettings.Target(null, null));
    }

    @Test
    void shouldLetTheStepsOwnKubeconfigWin() {
        assertThat(KubernetesClusterSettings.choose(KUBECONFIG, "kube/config", null))
                .isEqualTo(new KubernetesClusterSettings.Target(null, null));
        assertThat(KubernetesClusterSettings.choose(null, null, "dev"))
                .isEqualTo(new KubernetesClusterSettings.Target(null, "dev"));
    }
}
