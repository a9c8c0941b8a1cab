package io.mlgitops.stats;

import io.mlgitops.metrics.PreparedMetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paired bootstrap of metric differences {@code candidate - champion}: every resample draws one vector of row counts
 * (multinomial weights, see {@link Resampling}) and evaluates both models' metrics on those same rows with
 * {@link PreparedMetric#value(int[])}.
 *
 * <p><b>Interval:</b> percentile interval, the {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of the
 * resampled differences with linear interpolation between order statistics (numpy's default {@code percentile}).</p>
 *
 * <p><b>p-value</b> for the null hypothesis "difference = 0", by inverting the percentile interval:
 * {@code p = min(1, 2 * min(1 + #{d* <= 0}, 1 + #{d* >= 0}) / (B + 1))}, where {@code d*} are the B usable
 * resampled differences. It is the smallest two-sided level at which the percentile interval excludes 0, with the
 * usual +1 correction so that it is never 0.</p>
 *
 * <p><b>Undefined resamples:</b> a resample in which either metric is NaN (an AUC resample without one class) is
 * counted in {@link BootstrapResult#excluded()} and left out.</p>
 *
 * <p><b>Determinism:</b> resample {@code b} draws from {@code new SplittableRandom(s_b)}, where {@code s_b} is the
 * b-th {@code nextLong()} of {@code new SplittableRandom(seed)}; results go to slot {@code b}. Hence the result depends
 * only on the seed and the resample count, never on the number of threads or their scheduling.</p>
 */
public final class PairedBootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final int DEFAULT_THREADS = 2;

    private final int resamples;
    private final double level;
    private final long seed;
    private final int threads;

    /**
     * @param resamples number of resamples B (at least 1)
     * @param level     confidence level in (0, 1)
     * @param seed      seed of the resampling; recorded in every result
     */
    public PairedBootstrap(final int resamples, final double level, final long seed) {
        this(resamples, level, seed, DEFAULT_THREADS);
    }

    private PairedBootstrap(final int resamples, final double level, final long seed, final int threads) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1: " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie between 0 and 1: " + level);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
        this.threads = threads;
    }

    /** The same bootstrap on another number of worker threads (the result does not change). */
    public PairedBootstrap withThreads(final int threadCount) {
        return new PairedBootstrap(resamples, level, seed, threadCount);
    }

    public BootstrapResult compare(final PreparedMetric candidate, final PreparedMetric champion,
            final Resampling resampling) {
        return compare(List.of(new MetricPair(candidate, champion)), resampling).get(0);
    }

    /**
     * Compares several metrics on the same resamples (one draw of row counts per resample serves all pairs).
     *
     * @throws CancellationException when the calling thread is interrupted (its interrupt flag is restored)
     */
    public List<BootstrapResult> compare(final List<MetricPair> pairs, final Resampling resampling) {
        double[][] deltas = new double[pairs.size()][resamples];
        long[] seeds = resampleSeeds();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int[] weights = new int[resampling.rows()];
            for (int b = next.getAndIncrement(); b < resamples; b = next.getAndIncrement()) {
                Arrays.fill(weights, 0);
                resampling.draw(new SplittableRandom(seeds[b]), weights);
                for (int pair = 0; pair < pairs.size(); pair++) {
                    MetricPair metrics = pairs.get(pair);
                    deltas[pair][b] = metrics.candidate().value(weights) - metrics.champion().value(weights);
                }
            }
        };
        run(worker);
        List<BootstrapResult> results = new ArrayList<>();
        for (int pair = 0; pair < pairs.size(); pair++) {
            MetricPair metrics = pairs.get(pair);
            double delta = metrics.candidate().value() - metrics.champion().value();
            results.add(summarize(delta, deltas[pair], resampling.isStratified()));
        }
        return results;
    }

    private long[] resampleSeeds() {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[resamples];
        for (int b = 0; b < resamples; b++) {
            seeds[b] = root.nextLong();
        }
        return seeds;
    }

    private void run(final Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mlgitops-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("bootstrap interrupted");
        }
        catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private BootstrapResult summarize(final double delta, final double[] resampled, final boolean stratified) {
        double[] usable = Arrays.stream(resampled).filter(value -> !Double.isNaN(value)).sorted().toArray();
        int excluded = resampled.length - usable.length;
        if (usable.length == 0) {
            return new BootstrapResult(delta, Double.NaN, Double.NaN, level, Double.NaN, resamples, seed, excluded,
                    stratified);
        }
        double alpha = 1 - level;
        double low = Quantiles.linear(usable, alpha / 2);
        double high = Quantiles.linear(usable, 1 - alpha / 2);
        return new BootstrapResult(delta, low, high, level, pValue(usable), resamples, seed, excluded, stratified);
    }

    private static double pValue(final double[] sortedDeltas) {
        long atMostZero = 0;
        long atLeastZero = 0;
        for (double value : sortedDeltas) {
            atMostZero += value <= 0 ? 1 : 0;
            atLeastZero += value >= 0 ? 1 : 0;
        }
        double p = 2.0 * (Math.min(atMostZero, atLeastZero) + 1) / (sortedDeltas.length + 1);
        return Math.min(1.0, p);
    }
}
