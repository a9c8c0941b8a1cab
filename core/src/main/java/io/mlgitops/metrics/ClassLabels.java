package io.mlgitops.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The label space of a classification task, sorted the way scikit-learn's {@code unique_labels} sorts it: numerically
 * when every label is a number, as text otherwise. Labels are compared by their text form, in which whole numbers are
 * written without a fraction ({@code "1"}, not {@code "1.0"}).
 */
public final class ClassLabels {
    private final List<String> labels;
    private final Map<String, Integer> index;
    private final boolean numeric;

    private ClassLabels(final List<String> labels, final boolean numeric) {
        this.labels = List.copyOf(labels);
        this.numeric = numeric;
        this.index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    /** Sorts the distinct labels like scikit-learn. */
    public static ClassLabels sorted(final Collection<String> distinctLabels) {
        boolean allNumeric = distinctLabels.stream().allMatch(ClassLabels::isNumber);
        Comparator<String> order = allNumeric
                ? Comparator.comparingDouble(Double::parseDouble)
                : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(distinctLabels);
        return new ClassLabels(new ArrayList<>(sorted), allNumeric);
    }

    /** The canonical text of a numeric label: whole numbers without a fraction. */
    public static String canonical(final double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static boolean isNumber(final String label) {
        try {
            Double.parseDouble(label);
            return true;
        }
        catch (NumberFormatException notANumber) {
            return false;
        }
    }

    public int size() {
        return labels.size();
    }

    public String get(final int classIndex) {
        return labels.get(classIndex);
    }

    /** The index of a label, or {@code -1} when it is not part of this label space. */
    public int indexOf(final String label) {
        Integer position = index.get(label);
        return position == null ? -1 : position;
    }

    public List<String> asList() {
        return labels;
    }

    public boolean isNumeric() {
        return numeric;
    }

    @Override
    public String toString() {
        return labels.toString();
    }
}
