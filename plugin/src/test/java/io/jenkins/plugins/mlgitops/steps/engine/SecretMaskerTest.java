package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret values never reach the build log through what a step prints. */
class SecretMaskerTest {
    @Test
    void shouldMaskEverySecretAndTheLongerOneFirst() {
        SecretMasker masker = new SecretMasker(List.of("abc", "abcdef", "xy"));

        assertThat(masker.mask("token abcdef and abc and xy")).isEqualTo("token **** and **** and xy");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void shouldMaskTheLinesOfAKey() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        SecretMasker masker = new SecretMasker(List.of(key));

        assertThat(masker.mask("could not parse b3BlbnNzaC1rZXktdjEAAAAA")).isEqualTo("could not parse ****");
    }

    @Test
    void shouldMaskProgressLines() {
        List<String> lines = new ArrayList<>();
        ProgressListener log = new ProgressListener() {
            @Override
            public void info(final String line) {
                lines.add("info " + line);
            }

            @Override
            public void warn(final String line) {
                lines.add("warn " + line);
            }
        };

        ProgressListener masked = new SecretMasker(List.of("hunter22")).masking(log);
        masked.info("pushing with hunter22");
        masked.warn("refused hunter22");

        assertThat(lines).containsExactly("info pushing with ****", "warn refused ****");
    }

    @Test
    void shouldMaskTheMessagesOfAnOutcome() {
        StepOutcome error = StepOutcome.error("promotion", "Authentication failed for hunter22@example.com");
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(error.values());

        StepOutcome masked = new SecretMasker(List.of("hunter22")).maskOutcome(error);

        assertThat(masked.problems()).containsExactly("Authentication failed for ****@example.com");
        assertThat(masked.values()).containsEntry("error", "Authentication failed for ****@example.com")
                .containsEntry("passed", false).hasSameSizeAs(values);
        assertThat(new SecretMasker(List.of()).maskOutcome(error)).isSameAs(error);
    }
}
