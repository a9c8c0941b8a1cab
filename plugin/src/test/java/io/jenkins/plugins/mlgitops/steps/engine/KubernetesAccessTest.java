package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.gitops.KubernetesSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A configured kubeconfig lives on the agent in an owner-only file only while the engine runs. */
class KubernetesAccessTest {
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            users:
            - name: ci
              user:
                token: eyJhbGciOiJSUzI1NiIsImtpZCI6InNlY3JldC10b2tlbiJ9
            """;

    @TempDir
    private Path folder;

    @Test
    void shouldWriteTheKubeconfigOwnerOnlyAndDeleteItAfterwards() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path workspace = folder.resolve("ws");
        KubernetesAccess access = KubernetesAccess.kubeconfig("kube-prod", KUBECONFIG, "prod");
        Path kubeconfig;

        try (KubernetesAccess.Opened opened = access.open(workspace)) {
            kubeconfig = opened.kubeconfig();
            assertThat(kubeconfig.getParent().getParent()).isEqualTo(folder.resolve("ws@tmp"));
            assertThat(Files.readString(kubeconfig, StandardCharsets.UTF_8)).isEqualTo(KUBECONFIG);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig.getParent())))
                    .isEqualTo("rwx------");
            KubernetesSettings settings = opened.applyTo(KubernetesSettings.DEFAULTS);
            assertThat(settings.kubeconfig()).isEqualTo(kubeconfig);
            assertThat(settings.context()).isEqualTo("prod");
        }

        assertThat(kubeconfig).doesNotExist();
        assertThat(kubeconfig.getParent()).doesNotExist();
    }

    @Test
    void shouldLeaveDiscoveryToTheEngineWithoutAKubeconfig() throws Exception {
        KubernetesAccess access = KubernetesAccess.discovery(null);

        try (KubernetesAccess.Opened opened = access.open(folder.resolve("ws"))) {
            assertThat(opened.applyTo(KubernetesSettings.DEFAULTS)).isEqualTo(KubernetesSettings.DEFAULTS);
        }
        assertThat(folder.resolve("ws@tmp")).doesNotExist();
        assertThat(access.secretValues()).isEmpty();
        assertThat(access).hasToString("KubernetesAccess[discovery]");
    }

    @Test
    void shouldRefuseAnEmptySecretFileAndNeverShowTheContent() {
        assertThatThrownBy(() -> KubernetesAccess.kubeconfig("kube-prod", " \n", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Secret file of credentials 'kube-prod' is empty: upload the kubeconfig into it.");
        KubernetesAccess access = KubernetesAccess.kubeconfig("kube-prod", KUBECONFIG, "prod");
        assertThat(access).hasToString("KubernetesAccess[kubeconfig of kube-prod, context prod]");
        assertThat(access.secretValues()).containsExactly(KUBECONFIG);
    }

    @Test
    void shouldMaskTheKubeconfigsSecretLinesInWhatTheStepPrints() {
        SecretMasker masker = new SecretMasker(KubernetesAccess.kubeconfig("kube-prod", KUBECONFIG, null)
                .secretValues());

        assertThat(masker.mask("Unauthorized: token: eyJhbGciOiJSUzI1NiIsImtpZCI6InNlY3JldC10b2tlbiJ9"))
                .isEqualTo("Unauthorized: ****");
        assertThat(masker.mask("{\"error\": \"" + KUBECONFIG.replace("\n", "\\n") + "\"}"))
                .isEqualTo("{\"error\": \"****\"}");
        assertThat(masker.mask(KUBECONFIG)).isEqualTo("****");
    }
}
