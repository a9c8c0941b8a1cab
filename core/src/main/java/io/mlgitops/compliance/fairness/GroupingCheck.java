package io.mlgitops.compliance.fairness;

import io.mlgitops.compliance.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One sensitive column (or combination of columns) judged: the rates of its groups, the groups large enough to
 * judge, the metric over those groups (their rows alone make the overall rate), and the findings. With fewer than
 * two groups large enough nothing is compared.
 */
final class GroupingCheck {
    private final Grouping grouping;
    private final GroupTally tally;
    private final FairnessSettings settings;
    private final int[] judged;
    private final Map<Rate, Double> disparities = new LinkedHashMap<>();
    private final double value;
    private final double highestSelectionRate;

    private GroupingCheck(final Grouping grouping, final GroupTally tally, final FairnessSettings settings) {
        this.grouping = grouping;
        this.tally = tally;
        this.settings = settings;
        this.judged = IntStream.range(0, tally.groupCount())
                .filter(group -> tally.rows(group) >= settings.minGroupSize()).toArray();
        FairnessMetric metric = settings.metric();
        if (compared()) {
            for (Rate rate : metric.rates()) {
                disparities.put(rate, metric.disparity(judgedRates(rate), rate.overall(tally, judged),
                        settings.method()));
            }
        }
        this.value = compared() ? metric.combine(disparities.values().stream().mapToDouble(Double::doubleValue)
                .toArray(), settings.aggregation()) : Double.NaN;
        this.highestSelectionRate = Arrays.stream(judgedRates(Rate.SELECTION)).max().orElse(Double.NaN);
    }

    static GroupingCheck of(final Grouping grouping, final Outcomes outcomes, final FairnessSettings settings) {
        return new GroupingCheck(grouping, GroupTally.count(grouping, outcomes), settings);
    }

    private double[] judgedRates(final Rate rate) {
        return Arrays.stream(judged).mapToDouble(group -> rate.of(tally, group)).toArray();
    }

    /** The sensitive column, or the columns joined by {@code +}. */
    String name() {
        return grouping.name();
    }

    /** Whether at least two groups were large enough to compare. */
    boolean compared() {
        return judged.length >= 2;
    }

    /** The metric; NaN when nothing was compared or the metric is undefined. */
    double value() {
        return value;
    }

    /** {@code gender (0.04213)}. */
    String result() {
        return name() + " (" + Figures.format(value) + ")";
    }

    /** The groups and their sizes, {@code gender=F 512, gender=M 20, 3 rows without a value}. */
    String sizes() {
        String groups = IntStream.range(0, tally.groupCount())
                .mapToObj(group -> grouping.groupName(group) + " " + tally.rows(group))
                .collect(Collectors.joining(", "));
        if (grouping.missingRows() == 0) {
            return groups;
        }
        return (groups.isEmpty() ? "" : groups + ", ") + grouping.missingRows() + " rows without a value";
    }

    /** Each group's selection rate divided by the highest of the judged groups (the four-fifths rule). */
    private double adverseImpactRatio(final int group) {
        return Rate.SELECTION.of(tally, group) / highestSelectionRate;
    }

    /** What is out of bounds, with the value: {@code gender=F (0.62)} per group, or {@code gender (0.15)}. */
    List<String> violations() {
        if (!compared()) {
            return List.of();
        }
        if (settings.metric().judgesGroups() && !Double.isNaN(value)) {
            return groupsOutOfBounds().mapToObj(group -> grouping.groupName(group) + " ("
                    + Figures.format(adverseImpactRatio(group)) + ")").toList();
        }
        return settings.bounds().contains(value) ? List.of() : List.of(result());
    }

    List<Finding> findings() {
        if (!compared()) {
            return List.of();
        }
        if (Double.isNaN(value)) {
            return List.of(new Finding(name(), name() + ": " + undefined()));
        }
        if (settings.metric().judgesGroups()) {
            return groupsOutOfBounds().mapToObj(this::adverseImpactFinding).toList();
        }
        return settings.bounds().contains(value) ? List.of() : List.of(new Finding(name(), String.format(
                "%s: %s %s is not %s; %s", name(), settings.metric().policyName(), Figures.format(value),
                settings.bounds().describe(), judgedRatesText())));
    }

    private IntStream groupsOutOfBounds() {
        return Arrays.stream(judged).filter(group -> !settings.bounds().contains(adverseImpactRatio(group)));
    }

    private Finding adverseImpactFinding(final int group) {
        String name = grouping.groupName(group);
        return new Finding(name, String.format("%s: selection rate %s (%d of %d rows) is %s of the highest, %s, "
                + "not %s", name, Figures.format(Rate.SELECTION.of(tally, group)), tally.selected(group),
                tally.rows(group), Figures.format(adverseImpactRatio(group)), Figures.format(highestSelectionRate),
                settings.bounds().describe()));
    }

    private String undefined() {
        return settings.metric().policyName() + " is undefined: every compared group has a "
                + settings.metric().rates().stream().map(Rate::evidenceKey).collect(Collectors.joining(" or "))
                + " of 0, so there is no ratio; check the predictions and positiveLabel";
    }

    /** {@code selectionRate gender=F 0.31, gender=M 0.5}, per rate of the metric. */
    private String judgedRatesText() {
        return settings.metric().rates().stream().map(rate -> rate.evidenceKey() + " " + Arrays.stream(judged)
                .mapToObj(group -> grouping.groupName(group) + " " + Figures.format(rate.of(tally, group)))
                .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    /** The numbers behind the judgement, for the rule's evidence. */
    Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("compared", compared());
        if (!Double.isNaN(value)) {
            evidence.put("value", value);
        }
        if (disparities.size() > 1) {
            Map<String, Object> byRate = new LinkedHashMap<>();
            disparities.forEach((rate, disparity) -> byRate.put(rate.evidenceKey(), disparity));
            evidence.put("byRate", byRate);
        }
        if (compared()) {
            Map<String, Object> overall = new LinkedHashMap<>();
            settings.metric().rates().forEach(rate -> overall.put(rate.evidenceKey(), rate.overall(tally, judged)));
            evidence.put("overall", overall);
        }
        evidence.put("rowsWithoutValue", grouping.missingRows());
        Map<String, Object> groups = new LinkedHashMap<>();
        IntStream.range(0, tally.groupCount()).forEach(group -> groups.put(grouping.groupName(group),
                groupEvidence(group)));
        evidence.put("groups", groups);
        evidence.put("excludedGroups", IntStream.range(0, tally.groupCount())
                .filter(group -> tally.rows(group) < settings.minGroupSize())
                .mapToObj(grouping::groupName).toList());
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            evidence.put("notes", notes);
        }
        return evidence;
    }

    private Map<String, Object> groupEvidence(final int group) {
        boolean isJudged = Arrays.binarySearch(judged, group) >= 0;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("count", tally.rows(group));
        evidence.put("judged", isJudged);
        evidence.put("selected", tally.selected(group));
        evidence.put(Rate.SELECTION.evidenceKey(), Rate.SELECTION.of(tally, group));
        if (isJudged && settings.metric().judgesGroups() && compared()) {
            evidence.put("adverseImpactRatio", adverseImpactRatio(group));
        }
        if (tally.labelled()) {
            evidence.put("positives", tally.positives(group));
            evidence.put("negatives", tally.negatives(group));
            evidence.put("truePositives", tally.truePositives(group));
            evidence.put("falsePositives", tally.falsePositives(group));
            evidence.put(Rate.TRUE_POSITIVE.evidenceKey(), Rate.TRUE_POSITIVE.of(tally, group));
            evidence.put(Rate.FALSE_POSITIVE.evidenceKey(), Rate.FALSE_POSITIVE.of(tally, group));
        }
        return evidence;
    }

    private List<String> notes() {
        if (!compared()) {
            return List.of("Not compared: fewer than two groups have at least " + settings.minGroupSize() + " rows.");
        }
        List<String> notes = new ArrayList<>();
        if (Double.isNaN(value)) {
            notes.add(undefined() + ".");
        }
        List<Rate> rates = settings.metric().rates();
        for (int group : judged) {
            if (rates.contains(Rate.TRUE_POSITIVE) && tally.positives(group) == 0) {
                notes.add(grouping.groupName(group) + " has no actual positives: its truePositiveRate counts as 0, "
                        + "as in fairlearn, which can inflate the disparity.");
            }
            if (rates.contains(Rate.FALSE_POSITIVE) && tally.negatives(group) == 0) {
                notes.add(grouping.groupName(group) + " has no actual negatives: its falsePositiveRate counts as 0, "
                        + "as in fairlearn, which can inflate the disparity.");
            }
        }
        return notes;
    }
}
