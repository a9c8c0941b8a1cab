package io.jenkins.plugins.mlgitops.steps;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step calls in the documentation's Jenkinsfiles name only parameters the steps (and their blocks) bind, so an
 * example copied from the docs does not fail with Pipeline's "unknown parameter" error.
 */
class DocumentedExamplesTest {
    private static final Map<String, Class<?>> STEPS = Map.of("mlBenchmark", MlBenchmarkStep.class,
            "mlComplianceCheck", MlComplianceCheckStep.class, "mlPromote", MlPromoteStep.class, "mlRollback",
            MlRollbackStep.class, "mlCanary", MlCanaryStep.class);
    private static final List<Class<?>> BLOCKS = List.of(MetricGate.class, SetImageEdit.class, SetValueEdit.class,
            CanaryThresholdCheck.class, CanaryComparison.class);
    private static final Pattern CALL = Pattern.compile("\\b(" + String.join("|", STEPS.keySet()) + ")\\s+(\\w+:)");
    private static final Pattern STRING = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"");
    private static final Pattern NAME = Pattern.compile("(\\w+):");

    @Test
    void shouldUseOnlyRealParametersInTheDocumentedStepCalls() throws IOException {
        Set<String> blockParameters = new HashSet<>();
        BLOCKS.forEach(block -> blockParameters.addAll(StepResourcesTest.parameters(block)));
        List<String> calls = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Path file : documentedPipelines()) {
            String text = STRING.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("''");
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                Set<String> known = new HashSet<>(StepResourcesTest.parameters(STEPS.get(call.group(1))));
                known.addAll(blockParameters);
                String arguments = arguments(text, call.start(2));
                Matcher name = NAME.matcher(arguments);
                while (name.find()) {
                    if (!known.contains(name.group(1))) {
                        unknown.add(file.getFileName() + ": " + call.group(1) + " " + name.group(1));
                    }
                }
                calls.add(call.group(1));
            }
        }
        assertThat(unknown).as("parameters no step or block binds").isEmpty();
        assertThat(calls).as("step calls found in the docs").contains("mlBenchmark", "mlComplianceCheck",
                "mlPromote", "mlRollback", "mlCanary");
    }

    /** The arguments of a call: up to the end of a line outside brackets that does not end with a comma. */
    private static String arguments(final String text, final int start) {
        int depth = 0;
        for (int at = start; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '(' || c == '[') {
                depth++;
            }
            else if (c == ')' || c == ']') {
                depth--;
            }
            else if (c == '\n' && depth <= 0 && !text.substring(start, at).stripTrailing().endsWith(",")) {
                return text.substring(start, at);
            }
        }
        return text.substring(start);
    }

    private static List<Path> documentedPipelines() throws IOException {
        try (Stream<Path> files = Files.walk(StepsReferenceTest.docs())) {
            return files.filter(file -> file.getFileName().toString().startsWith("Jenkinsfile")
                    || file.toString().endsWith(".md")).sorted().toList();
        }
    }
}
