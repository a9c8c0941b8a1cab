package io.jenkins.plugins.mlgitops.steps.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * What a step's outcome means for the build (DESIGN §3): a passed gate lets it go on; a failed gate fails it, or only
 * marks it unstable when the user asked for {@code unstableOnFailure: true}; an error (a wrong input) always fails it.
 *
 * @param decision what to do with the build
 * @param message  why, in one line, starting with the step's name; empty when the gate passed
 */
public record StepVerdict(Decision decision, String message) {
    /** The build's fate after the step. */
    public enum Decision {
        CONTINUE,
        UNSTABLE,
        FAIL
    }

    public StepVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(message, "message");
    }

    /** Decides for an outcome of the step {@code functionName}. */
    public static StepVerdict of(final String functionName, final StepOutcome outcome,
            final boolean unstableOnFailure) {
        if (outcome.passed()) {
            return new StepVerdict(Decision.CONTINUE, "");
        }
        if (StepOutcome.ERROR.equals(outcome.status()) && outcome.reportJson() == null) {
            return new StepVerdict(Decision.FAIL, functionName + " could not run: " + reasons(outcome));
        }
        String message = functionName + " " + outcome.status().toLowerCase(Locale.ROOT) + ": "
                + reasons(outcome);
        boolean gateFailed = StepOutcome.FAILED.equals(outcome.status());
        return new StepVerdict(gateFailed && unstableOnFailure ? Decision.UNSTABLE : Decision.FAIL, message);
    }

    private static String reasons(final StepOutcome outcome) {
        return outcome.problems().isEmpty() ? "see the report" : String.join("; ", outcome.problems());
    }
}
