package io.mlgitops.net;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpCredentialsTest {
    private static HttpCredentials credentials(final Map<String, String> secrets) throws InputException {
        SecretSource source = name -> Optional.ofNullable(secrets.get(name));
        return HttpCredentials.from(source, "USER", "PASSWORD", "TOKEN");
    }

    private static Optional<String> header(final HttpCredentials credentials) {
        return credentials.apply(HttpRequest.newBuilder(URI.create("http://127.0.0.1/"))).build().headers()
                .firstValue("Authorization");
    }

    @Test
    void shouldPreferBasicOverBearer() throws InputException {
        HttpCredentials basic = credentials(Map.of("USER", "alice", "PASSWORD", "pa:ss", "TOKEN", "t0k"));

        assertThat(header(basic)).contains("Basic YWxpY2U6cGE6c3M=");
        assertThat(basic.explainRefusal(401, "http://x")).isEqualTo("http://x rejected HTTP Basic credentials from "
                + "USER/PASSWORD (HTTP 401). Check them: set USER and PASSWORD (HTTP Basic) or TOKEN (bearer token).")
                .doesNotContain("alice", "pa:ss", "t0k");
    }

    @Test
    void shouldSendBearerTokenWithoutUser() throws InputException {
        HttpCredentials bearer = credentials(Map.of("TOKEN", "t0k"));

        assertThat(header(bearer)).contains("Bearer t0k");
        assertThat(bearer.explainRefusal(403, "http://x")).contains("HTTP 403", "the bearer token from TOKEN")
                .doesNotContain("t0k");
    }

    @Test
    void shouldSendNothingWithoutSecrets() throws InputException {
        HttpCredentials none = credentials(Map.of());

        assertThat(header(none)).isEmpty();
        assertThat(none.explainRefusal(401, "http://x")).isEqualTo("http://x requires authentication (HTTP 401) and "
                + "no credentials were given: set USER and PASSWORD (HTTP Basic) or TOKEN (bearer token).");
    }

    @Test
    void shouldRefuseHalfSetBasicCredentials() {
        assertThatThrownBy(() -> credentials(Map.of("USER", "alice")))
                .isInstanceOf(InputException.class)
                .hasMessage("PASSWORD is not set, but USER is: set USER and PASSWORD (HTTP Basic) or TOKEN "
                        + "(bearer token).");
    }
}
