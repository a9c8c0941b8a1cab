package io.mlgitops.canary;

import io.mlgitops.canary.analysis.SpecText;
import io.mlgitops.canary.analysis.SpecValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads checks from the command line ({@code --check}, {@code --compare}) and from the {@code checks} list of a YAML
 * configuration. Names are resolved by a catalogue of built-in checks unless the spec gives its own
 * {@code query=PROMQL} and {@code samples=PROMQL}.
 */
public final class CheckSpecs {
    /** The form of {@code --check}. */
    public static final String CHECK_FORM = "--check NAME:min=N|max=N[,critical=true][,minSamples=N]"
            + "[,query=PROMQL,samples=PROMQL]";
    /** The form of {@code --compare}. */
    public static final String COMPARE_FORM = "--compare NAME:direction=increase|decrease|either,"
            + "maxIncrease=F|maxDecrease=F[,alpha=A][,critical=true][,minSamples=N][,query=PROMQL,samples=PROMQL] "
            + "(F a fraction such as 0.1 or a percentage such as 10%; direction=either takes both bounds)";
    /** The form of one entry of the configuration's {@code checks} list. */
    public static final String CONFIG_FORM = "a check has name, min, max, critical, minSamples, query, samples and "
            + "compare: {direction, maxIncrease, maxDecrease, alpha}";

    private static final List<String> THRESHOLD_KEYS = List.of("min", "max", "critical", "minSamples", "query",
            "samples");
    private static final List<String> COMPARISON_KEYS = List.of("direction", "maxIncrease", "maxDecrease", "alpha");
    private static final List<String> COMPARE_KEYS = List.of("direction", "maxIncrease", "maxDecrease", "alpha",
            "critical", "minSamples", "query", "samples");
    private static final List<String> CONFIG_KEYS = List.of("name", "min", "max", "critical", "minSamples", "query",
            "samples", "compare");

    private CheckSpecs() {
    }

    /**
     * Reads {@value #CHECK_FORM}.
     *
     * @param catalogue resolves a check name to its query; {@code null} (or an {@link IllegalArgumentException}) for
     *                  an unknown name
     * @throws IllegalArgumentException when the spec is malformed; the message shows the accepted form
     */
    public static CheckSpec parseCheck(final String spec, final Function<String, MetricQuery> catalogue) {
        try {
            SpecText text = SpecText.parse(spec);
            SpecValues values = new SpecValues(text.values(), THRESHOLD_KEYS);
            return build(text.name(), values, threshold(values), null, catalogue);
        }
        catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Malformed --check '" + spec + "' (" + malformed.getMessage()
                    + "): use " + CHECK_FORM + ".", malformed);
        }
    }

    /**
     * Reads {@value #COMPARE_FORM}.
     *
     * @param catalogue resolves a check name to its query; {@code null} (or an {@link IllegalArgumentException}) for
     *                  an unknown name
     * @throws IllegalArgumentException when the spec is malformed; the message shows the accepted form
     */
    public static CheckSpec parseCompare(final String spec, final Function<String, MetricQuery> catalogue) {
        try {
            SpecText text = SpecText.parse(spec);
            SpecValues values = new SpecValues(text.values(), COMPARE_KEYS);
            return build(text.name(), values, null, comparison(values), catalogue);
        }
        catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Malformed --compare '" + spec + "' (" + malformed.getMessage()
                    + "): use " + COMPARE_FORM + ".", malformed);
        }
    }

    /**
     * Reads one entry of the configuration's {@code checks} list, as parsed from YAML, e.g. {@code {name:
     * request-duration, max: 500, compare: {direction: increase, maxIncrease: 0.2}}}.
     *
     * @param catalogue resolves a check name to its query; {@code null} (or an {@link IllegalArgumentException}) for
     *                  an unknown name
     * @throws IllegalArgumentException when the entry is malformed; the message names the check and the setting and
     *                                  shows the accepted keys (the caller adds the file)
     */
    public static CheckSpec fromConfig(final Map<String, ?> entry, final Function<String, MetricQuery> catalogue) {
        Object name = entry.get("name");
        try {
            SpecValues values = new SpecValues(entry, CONFIG_KEYS);
            String checkName = values.text("name");
            if (checkName == null) {
                throw new IllegalArgumentException("it has no name");
            }
            SpecValues compare = values.section("compare", COMPARISON_KEYS);
            return build(SpecText.checkName(checkName), values, threshold(values),
                    compare == null ? null : comparison(compare), catalogue);
        }
        catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Malformed check" + (name == null ? "" : " '" + name + "'") + " ("
                    + malformed.getMessage() + "): " + CONFIG_FORM + ".", malformed);
        }
    }

    /**
     * Joins the checks that share a name (a {@code --check} and a {@code --compare} of the same metric become one
     * check with both judges), keeping the order in which the names first appear.
     *
     * @throws IllegalArgumentException when two checks of one name conflict (see {@link CheckSpec#merge})
     */
    public static List<CheckSpec> combine(final List<CheckSpec> checks) {
        Map<String, CheckSpec> byName = new LinkedHashMap<>();
        for (CheckSpec check : checks) {
            byName.merge(check.name(), check, CheckSpec::merge);
        }
        return new ArrayList<>(byName.values());
    }

    private static CheckSpec build(final String name, final SpecValues values, final Threshold threshold,
            final Comparison comparison, final Function<String, MetricQuery> catalogue) {
        if (threshold == null && comparison == null) {
            throw new IllegalArgumentException("it needs min, max or compare");
        }
        return new CheckSpec(name, query(name, values, catalogue), threshold, comparison, values.flag("critical"),
                values.count("minSamples"));
    }

    private static Threshold threshold(final SpecValues values) {
        if (!values.has("min") && !values.has("max")) {
            return null;
        }
        return new Threshold(values.number("min"), values.number("max"));
    }

    private static Comparison comparison(final SpecValues values) {
        Comparison.Direction direction = values.direction("direction");
        if (direction == null) {
            throw new IllegalArgumentException("it needs direction=increase, decrease or either");
        }
        Double alpha = values.number("alpha");
        return new Comparison(direction, values.fraction("maxIncrease"), values.fraction("maxDecrease"),
                alpha == null ? Comparison.DEFAULT_ALPHA : alpha);
    }

    private static MetricQuery query(final String name, final SpecValues values,
            final Function<String, MetricQuery> catalogue) {
        String custom = values.text("query");
        String samples = values.text("samples");
        if (custom != null && samples == null) {
            throw new IllegalArgumentException("a custom query needs samples=PROMQL too, the number of observations "
                    + "behind the value");
        }
        if (custom == null && samples != null) {
            throw new IllegalArgumentException("samples=PROMQL goes with a custom query=PROMQL");
        }
        if (custom != null) {
            return new MetricQuery(name, custom, samples);
        }
        MetricQuery known = catalogue.apply(name);
        if (known == null) {
            throw new IllegalArgumentException("'" + name + "' is not a built-in check; give query=PROMQL and "
                    + "samples=PROMQL for a custom one");
        }
        return known;
    }
}
