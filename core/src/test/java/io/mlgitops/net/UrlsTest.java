package io.mlgitops.net;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTest {
    @Test
    void shouldDropUserInformationQueryAndFragment() {
        assertThat(Urls.redact(URI.create("https://bob:secret@mlflow.example.com:8443/prefix/api?token=abc#x")))
                .isEqualTo("https://mlflow.example.com:8443/prefix/api");
    }

    @Test
    void shouldRedactLocationsThatAreNotUris() {
        assertThat(Urls.redact("s3://key:secret@bucket/my models/m?X-Amz-Signature=abc"))
                .isEqualTo("s3://bucket/my models/m");
        assertThat(Urls.redact("/srv/mlflow artifacts/0/m")).isEqualTo("/srv/mlflow artifacts/0/m");
    }

    @Test
    void shouldEncodeQueryValuesAndKeepTheBasePath() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("name", "churn model");
        query.put("alias", "a&b=c");

        assertThat(Urls.resolve(URI.create("http://h:5000/mlflow/"), "/api/2.0/x", query))
                .hasToString("http://h:5000/mlflow/api/2.0/x?name=churn%20model&alias=a%26b%3Dc");
        assertThat(Urls.resolve(URI.create("http://h:5000"), "/health", Map.of())).hasToString("http://h:5000/health");
    }

    @Test
    void shouldEncodeEachPathSegment() {
        assertThat(Urls.encodePath("0/models/m 1/a+b.onnx")).isEqualTo("0/models/m%201/a%2Bb.onnx");
    }

    @Test
    void shouldSummarizeServerMessages() {
        assertThat(ServerMessages.summarize("{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Bad\"}"))
                .isEqualTo("INVALID_PARAMETER_VALUE: Bad");
        assertThat(ServerMessages.summarize("{\"error\": \"no such model\"}")).isEqualTo("no such model");
        assertThat(ServerMessages.summarize("You are not authenticated.\n Please see docs")).isEqualTo(
                "You are not authenticated. Please see docs");
        assertThat(ServerMessages.summarize("x".repeat(400))).hasSize(303).endsWith("...");
        assertThat(ServerMessages.summarize("")).isEqualTo("no message");
    }
}
