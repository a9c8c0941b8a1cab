package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.TrafficReplay;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link TrafficReplay} over the JDK's HTTP client: a scheduler thread sends one request per tick asynchronously,
 * with at most {@value #MAX_IN_FLIGHT} awaiting their answers. Each row's body ({@link RowsRequest#body}) is written
 * when it is sent, so a large data set costs no extra memory.
 */
public final class CsvReplay implements TrafficReplay {
    static final int MAX_IN_FLIGHT = 256;
    private static final double MAX_RATE = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final URI endpoint;
    private final List<Column> features;
    private final Column labels;
    private final int rows;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong next = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder unreachable = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder canary = new LongAdder();

    private CsvReplay(final URI endpoint, final List<Column> features, final Column labels, final int rows) {
        this.endpoint = endpoint;
        this.features = features;
        this.labels = labels;
        this.rows = rows;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mlgitops-traffic"));
    }

    /** See {@link TrafficReplay#start}. */
    public static CsvReplay start(final URI endpoint, final Dataset rows, final String targetColumn,
            final double requestsPerSecond) throws InputException {
        if (!(requestsPerSecond > 0 && requestsPerSecond <= MAX_RATE)) {
            throw new InputException(String.format("The traffic rate must be more than 0 and at most %,.0f requests "
                    + "per second; got %s.", MAX_RATE, requestsPerSecond));
        }
        if (rows.rowCount() == 0) {
            throw new InputException(rows.source() + " has no rows to replay. Give a data set with rows.");
        }
        Column labels = targetColumn == null ? null : rows.column(targetColumn);
        List<Column> features = targetColumn == null ? rows.columns() : rows.columnsExcept(targetColumn);
        CsvReplay replay = new CsvReplay(endpoint, features, labels, rows.rowCount());
        long period = Math.max(1, Math.round(1e9 / requestsPerSecond));
        replay.scheduler.scheduleAtFixedRate(replay::sendNext, 0, period, TimeUnit.NANOSECONDS);
        return replay;
    }

    private void sendNext() {
        if (!inFlight.tryAcquire()) {
            skipped.increment();
            return;
        }
        int row = (int) (next.getAndIncrement() % rows);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RowsRequest.body(features, labels, row))).build();
        sent.increment();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            count(answer, failure);
            inFlight.release();
        });
    }

    private void count(final HttpResponse<Void> answer, final Throwable failure) {
        if (failure != null) {
            unreachable.increment();
            return;
        }
        (answer.statusCode() / 100 == 2 ? succeeded : failed).increment();
        if (answer.headers().firstValue(WeightedSplit.VARIANT_HEADER).filter(Variant.CANARY.label()::equals)
                .isPresent()) {
            canary.increment();
        }
    }

    @Override
    public Statistics statistics() {
        return new Statistics(sent.sum(), succeeded.sum(), failed.sum(), unreachable.sum(), skipped.sum(),
                canary.sum());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
