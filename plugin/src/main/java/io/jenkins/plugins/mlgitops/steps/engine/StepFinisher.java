package io.jenkins.plugins.mlgitops.steps.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The controller's half of a step, after the engine ran on the agent: keeps the report with the build, prints the
 * summary to the build log, decides the build's fate and assembles the value returned to the Pipeline.
 */
public final class StepFinisher {
    private StepFinisher() {
    }

    /**
     * Finishes a step.
     *
     * @param functionName      the step's name, for messages
     * @param outcome           what the engine run returned
     * @param buildFolder       the build's folder on the controller
     * @param unstableOnFailure whether a failed gate marks the build unstable instead of failing it
     * @param log               the build log
     * @return the verdict and the Pipeline's return value ({@code report} and {@code reportFile} added)
     */
    public static Finished finish(final String functionName, final StepOutcome outcome, final Path buildFolder,
            final boolean unstableOnFailure, final PrintStream log) throws IOException {
        Map<String, Object> values = outcome.valuesCopy();
        if (outcome.reportJson() != null) {
            Path file = ReportFiles.write(buildFolder, outcome.kind(), outcome.reportJson());
            values.put("report", buildFolder.relativize(file).toString().replace('\\', '/'));
            values.put("reportFile", file.toString());
        }
        String prefix = "[" + functionName + "] ";
        outcome.summary().forEach(line -> log.println(prefix + line));
        if (values.containsKey("report")) {
            log.println(prefix + "Report kept with the build: " + values.get("report"));
        }
        StepVerdict verdict = StepVerdict.of(functionName, outcome, unstableOnFailure);
        if (verdict.decision() == StepVerdict.Decision.UNSTABLE) {
            log.println(prefix + "Marking the build UNSTABLE (unstableOnFailure: true): " + verdict.message());
        }
        log.flush();
        return new Finished(verdict, values);
    }

    /**
     * A finished step.
     *
     * @param verdict what to do with the build
     * @param values  the value returned to the Pipeline
     */
    public record Finished(StepVerdict verdict, Map<String, Object> values) {
        /** The report kept with the build; empty when the engine wrote none. */
        public Optional<Path> report() {
            return Optional.ofNullable(values.get("reportFile")).map(file -> Path.of(file.toString()));
        }
    }
}
