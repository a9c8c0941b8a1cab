package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces secret values by {@value #MASK} in the text a step prints or returns: progress lines, the summary, the
 * reasons of a failure, the error message and the JSON report (where a secret appears JSON-escaped). Longer secrets
 * are replaced first, so that a secret containing another is masked whole. Secrets shorter than {@value #MIN_LENGTH}
 * characters are not masked: they would mask ordinary words and tell a reader the secret's length and letters.
 */
public final class SecretMasker implements Serializable {
    private static final long serialVersionUID = 1L;
    /** What a secret is replaced with. */
    public static final String MASK = "****";
    static final int MIN_LENGTH = 3;

    private final ArrayList<String> secrets;

    public SecretMasker(final Collection<String> values) {
        this.secrets = new ArrayList<>(values.stream().filter(value -> value != null && value.length() >= MIN_LENGTH)
                .flatMap(value -> Stream.of(value, jsonEscaped(value))).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** The secret as it appears inside a JSON string (a report): quotes, backslashes and line breaks escaped. */
    private static String jsonEscaped(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    /** The text with every secret masked; {@code null} stays {@code null}. */
    public String mask(final String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
            // a multi-line key may appear line by line
            if (secret.indexOf('\n') >= 0) {
                for (String line : secret.split("\n")) {
                    if (line.strip().length() >= 16) {
                        masked = masked.replace(line.strip(), MASK);
                    }
                }
            }
        }
        return masked;
    }

    /** Progress lines with every secret masked. */
    public ProgressListener masking(final ProgressListener delegate) {
        return new ProgressListener() {
            @Override
            public void info(final String line) {
                delegate.info(mask(line));
            }

            @Override
            public void warn(final String line) {
                delegate.warn(mask(line));
            }
        };
    }

    /**
     * The outcome with secrets masked in its problems, summary, text values and JSON report (the engine writes none
     * into the report; masking it too keeps a message it quotes from carrying one).
     */
    public StepOutcome maskOutcome(final StepOutcome outcome) {
        if (secrets.isEmpty()) {
            return outcome;
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : outcome.values().entrySet()) {
            values.put(entry.getKey(), entry.getValue() instanceof String text ? mask(text) : entry.getValue());
        }
        List<String> problems = outcome.problems().stream().map(this::mask).toList();
        List<String> summary = outcome.summary().stream().map(this::mask).toList();
        return new StepOutcome(outcome.kind(), outcome.status(), mask(outcome.reportJson()), values,
                new ArrayList<>(problems), new ArrayList<>(summary));
    }
}
