package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.MetricQuery;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.Variant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Measures the built-in checks from the local servers' own counters, without Prometheus. {@link #record()} keeps a
 * timestamped snapshot of every server (the local deployment calls it every second, like a scrape); a window is
 * measured between the last snapshot at or before its start and the last at or before its end (a fresh one when the
 * window ends after the last recorded). The series divides the window into up to {@value #SERIES_POINTS} equal
 * parts, each measured the same way. Custom PromQL checks need Prometheus and are refused.
 */
public final class LocalMetricProvider implements MetricProvider {
    static final int SERIES_POINTS = 10;

    private final Map<Variant, ModelServer> servers;
    private final RouteTargets targets;
    private final Clock clock;
    private final Duration resolution;
    private final Duration retention;
    private final Map<Variant, Deque<MetricsSnapshot>> history = new EnumMap<>(Variant.class);

    /**
     * @param resolution how often {@link #record()} is called; the shortest part of a series
     * @param retention  how long snapshots are kept; a longer window is measured over the part kept
     */
    LocalMetricProvider(final Map<Variant, ModelServer> servers, final RouteTargets targets, final Clock clock,
            final Duration resolution, final Duration retention) {
        this.servers = new EnumMap<>(servers);
        this.targets = targets;
        this.clock = clock;
        this.resolution = resolution;
        this.retention = retention;
        for (Variant variant : Variant.values()) {
            history.put(variant, new ArrayDeque<>());
        }
        record();
    }

    /** Takes a snapshot of every server, and forgets those older than the retention. */
    void record() {
        Instant now = clock.instant();
        for (Variant variant : Variant.values()) {
            MetricsSnapshot snapshot = servers.get(variant).snapshot(now);
            Deque<MetricsSnapshot> snapshots = history.get(variant);
            synchronized (snapshots) {
                snapshots.addLast(snapshot);
                while (snapshots.size() > 1 && !second(snapshots).time().isAfter(now.minus(retention))) {
                    snapshots.removeFirst();
                }
            }
        }
    }

    private static MetricsSnapshot second(final Deque<MetricsSnapshot> snapshots) {
        Iterator<MetricsSnapshot> iterator = snapshots.iterator();
        iterator.next();
        return iterator.next();
    }

    /**
     * @throws InputException when the query is not a built-in check, or names other workloads than the servers'
     */
    @Override
    public Measurement measure(final MetricQuery query, final RouteTargets queried, final Variant variant,
            final Instant end, final Duration window) throws InputException {
        if (!BuiltInChecks.isBuiltIn(query)) {
            throw new InputException(String.format("The local metric provider measures only the built-in checks "
                    + "(%s); check '%s' has its own PromQL. Measure it with Prometheus (--prometheus-url).",
                    String.join(", ", BuiltInChecks.names()), query.name()));
        }
        if (!queried.equals(targets)) {
            throw new InputException(String.format("The local servers are %s, not %s. Measure the targets of the "
                    + "local router.", targets, queried));
        }
        List<MetricsSnapshot> snapshots = snapshots(variant, end);
        Instant start = end.minus(window);
        LocalChecks.Reading whole = read(query.name(), snapshots, start, end);
        if (Double.isNaN(whole.value())) {
            return Measurement.none();
        }
        return new Measurement(whole.value(), series(query.name(), snapshots, start, window), whole.samples());
    }

    /** The recorded snapshots up to {@code end}, and a fresh one standing for {@code end} when it is later. */
    private List<MetricsSnapshot> snapshots(final Variant variant, final Instant end) {
        Deque<MetricsSnapshot> recorded = history.get(variant);
        List<MetricsSnapshot> upToEnd = new ArrayList<>();
        synchronized (recorded) {
            for (MetricsSnapshot snapshot : recorded) {
                if (!snapshot.time().isAfter(end)) {
                    upToEnd.add(snapshot);
                }
            }
            if (upToEnd.size() == recorded.size()) {
                upToEnd.add(servers.get(variant).snapshot(end));
            }
        }
        return upToEnd;
    }

    private List<Double> series(final String check, final List<MetricsSnapshot> snapshots, final Instant start,
            final Duration window) {
        long parts = Math.max(1, Math.min(SERIES_POINTS, window.toNanos() / Math.max(1, resolution.toNanos())));
        Duration step = window.dividedBy(parts);
        List<Double> values = new ArrayList<>();
        for (long part = 1; part <= parts; part++) {
            double value = read(check, snapshots, start.plus(step.multipliedBy(part - 1)),
                    start.plus(step.multipliedBy(part))).value();
            if (!Double.isNaN(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static LocalChecks.Reading read(final String check, final List<MetricsSnapshot> snapshots,
            final Instant start, final Instant end) {
        MetricsSnapshot from = at(snapshots, start);
        MetricsSnapshot to = at(snapshots, end);
        List<Double> drifts = new ArrayList<>();
        for (MetricsSnapshot snapshot : snapshots) {
            if (snapshot.time().isAfter(start) && !snapshot.time().isAfter(end) && !Double.isNaN(snapshot.drift())) {
                drifts.add(snapshot.drift());
            }
        }
        return LocalChecks.read(check, from, to, drifts);
    }

    /** The last snapshot at or before {@code time}, or the first one (taken when the counters were zero). */
    private static MetricsSnapshot at(final List<MetricsSnapshot> snapshots, final Instant time) {
        MetricsSnapshot found = snapshots.get(0);
        Iterator<MetricsSnapshot> iterator = snapshots.iterator();
        while (iterator.hasNext()) {
            MetricsSnapshot snapshot = iterator.next();
            if (snapshot.time().isAfter(time)) {
                break;
            }
            found = snapshot;
        }
        return found;
    }

    @Override
    public void close() {
        // the servers belong to the local deployment
    }
}
