package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A configured server's credential becomes that server's variables, over the build's, for one call. */
class ServiceCredentialsTest {
    private static final SecretSource BUILD = name -> Optional.ofNullable(Map.of(
            "MLFLOW_TRACKING_USERNAME", "build-user", "MLFLOW_TRACKING_PASSWORD", "build-password",
            "MLFLOW_TRACKING_URI", "https://env.example.com", "PROMETHEUS_TOKEN", "build-prom").get(name));

    @Test
    void shouldMapAUserAndPasswordToTheServersBasicVariables() {
        SecretSource secrets = ServiceCredentials.usernamePassword(ServiceCredentials.Service.MLFLOW, "mlflow-prod",
                "ana", "s3cret-pw").over(BUILD);

        assertThat(secrets.secret("MLFLOW_TRACKING_USERNAME")).contains("ana");
        assertThat(secrets.secret("MLFLOW_TRACKING_PASSWORD")).contains("s3cret-pw");
        assertThat(secrets.secret("MLFLOW_TRACKING_TOKEN")).isEmpty();
        assertThat(secrets.secret("MLFLOW_TRACKING_URI")).contains("https://env.example.com");
        assertThat(secrets.secret("PROMETHEUS_TOKEN")).contains("build-prom");
    }

    @Test
    void shouldHideTheBuildsUserAndPasswordBehindAToken() {
        SecretSource secrets = ServiceCredentials.token(ServiceCredentials.Service.MLFLOW, "mlflow-prod", "tok-9876")
                .over(BUILD);

        assertThat(secrets.secret("MLFLOW_TRACKING_TOKEN")).contains("tok-9876");
        assertThat(secrets.secret("MLFLOW_TRACKING_USERNAME")).isEmpty();
        assertThat(secrets.secret("MLFLOW_TRACKING_PASSWORD")).isEmpty();
    }

    @Test
    void shouldMapPrometheusCredentialsToItsVariables() {
        SecretSource token = ServiceCredentials.token(ServiceCredentials.Service.PROMETHEUS, "prom", "prom-tok")
                .over(BUILD);
        SecretSource basic = ServiceCredentials.usernamePassword(ServiceCredentials.Service.PROMETHEUS, "prom",
                "reader", "prom-pw").over(BUILD);

        assertThat(token.secret("PROMETHEUS_TOKEN")).contains("prom-tok");
        assertThat(basic.secret("PROMETHEUS_USERNAME")).contains("reader");
        assertThat(basic.secret("PROMETHEUS_PASSWORD")).contains("prom-pw");
        assertThat(basic.secret("PROMETHEUS_TOKEN")).isEmpty();
        assertThat(basic.secret("MLFLOW_TRACKING_PASSWORD")).contains("build-password");
    }

    @Test
    void shouldLeaveTheBuildsSecretsAloneWithoutACredential() {
        assertThat(ServiceCredentials.NONE.over(BUILD)).isSameAs(BUILD);
        assertThat(ServiceCredentials.NONE.secretValues()).isEmpty();
    }

    @Test
    void shouldListSecretValuesButNeverShowThem() {
        ServiceCredentials basic = ServiceCredentials.usernamePassword(ServiceCredentials.Service.MLFLOW, "mlflow",
                "ana", "s3cret-pw");

        assertThat(basic.secretValues()).containsExactly("s3cret-pw");
        assertThat(basic).hasToString("ServiceCredentials[MLFLOW, mlflow, [MLFLOW_TRACKING_PASSWORD, "
                + "MLFLOW_TRACKING_USERNAME]]");
        assertThat(ServiceCredentials.token(ServiceCredentials.Service.PROMETHEUS, "p", "prom-tok").toString())
                .doesNotContain("prom-tok");
    }
}
