package io.jenkins.plugins.mlgitops.steps.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine run sends back from the agent: the gate's status, the JSON report, the values returned to a
 * scripted Pipeline, the reasons of a failure and a short summary for the build log. Only strings, numbers, booleans,
 * lists and maps, so that it crosses the remoting channel and the values can be handed to Groovy as they are.
 *
 * @param kind       the report kind: {@code benchmark} or {@code compliance}
 * @param status     {@code PASSED}, {@code FAILED} or {@code ERROR}
 * @param reportJson the JSON report, {@code null} when the engine stopped on an input error
 * @param values     the step's return value for scripted use (without the report's location, added later)
 * @param problems   why the gate did not pass: failed gates or rules, or the input error
 * @param summary    lines for the build log
 */
public record StepOutcome(String kind, String status, String reportJson, LinkedHashMap<String, Object> values,
        ArrayList<String> problems, ArrayList<String> summary) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    public static final String ERROR = "ERROR";

    public StepOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        values = new LinkedHashMap<>(values);
        problems = new ArrayList<>(problems);
        summary = new ArrayList<>(summary);
    }

    /** The outcome of a run the engine refused: a wrong or missing input, named in the message. */
    public static StepOutcome error(final String kind, final String message) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", ERROR);
        values.put("passed", false);
        values.put("error", message);
        return new StepOutcome(kind, ERROR, null, values, new ArrayList<>(List.of(message)), new ArrayList<>());
    }

    public boolean passed() {
        return PASSED.equals(status);
    }

    /** The values, as a new mutable map that can be handed to a Pipeline. */
    public Map<String, Object> valuesCopy() {
        return new LinkedHashMap<>(values);
    }
}
