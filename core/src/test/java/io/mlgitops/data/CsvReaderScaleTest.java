package io.mlgitops.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a generated file of 1,000,000 rows: it must be fast, and the data set must take about the memory of its
 * primitive columns (8 bytes per number, 4 per text code), with no per-cell objects.
 */
class CsvReaderScaleTest {
    private static final int ROWS = 1_000_000;
    private static final String[] SEGMENTS = {"consumer", "small business", "enterprise", "public", "partner"};

    @TempDir
    static Path folder;
    private static Path file;

    @BeforeAll
    static void generate() throws IOException {
        file = folder.resolve("million.csv");
        SplittableRandom random = new SplittableRandom(2024);
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write("customer_id,amount,segment\n");
            for (int row = 0; row < ROWS; row++) {
                writer.write(Integer.toString(100_000 + row));
                writer.write(',');
                writer.write(Double.toString(random.nextDouble() * 1000));
                writer.write(',');
                writer.write(SEGMENTS[random.nextInt(SEGMENTS.length)]);
                writer.write('\n');
            }
        }
    }

    @Test
    void shouldReadAMillionRowsInAboutASecond() throws Exception {
        long coldStart = System.nanoTime();
        Dataset data = CsvReader.read(file);
        long coldNanos = System.nanoTime() - coldStart;
        long bestNanos = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            CsvReader.read(file);
            bestNanos = Math.min(bestNanos, System.nanoTime() - start);
        }
        System.out.printf("CsvReader: %,d rows x 3 columns (%,d bytes): first read %d ms, best of 3 warm reads %d ms%n",
                ROWS, Files.size(file), coldNanos / 1_000_000, bestNanos / 1_000_000);

        assertThat(data.rowCount()).isEqualTo(ROWS);
        assertThat(data.column("customer_id").toDoubles()[ROWS - 1]).isEqualTo(100_000 + ROWS - 1);
        assertThat(((TextColumn) data.column("segment")).dictionary()).hasSize(SEGMENTS.length);
        assertThat(coldNanos).as("first read of 1M rows, in nanoseconds").isLessThan(4_000_000_000L);
        assertThat(bestNanos).as("warm read of 1M rows, in nanoseconds").isLessThan(2_000_000_000L);
    }

    @Test
    void shouldHoldAMillionRowsInTheMemoryOfItsPrimitiveColumns() throws Exception {
        long before = usedHeapAfterGc();
        Dataset data = CsvReader.read(file);
        long retained = usedHeapAfterGc() - before;
        long primitive = ROWS * (8L + 8L + 4L);
        System.out.printf("CsvReader: data set of %,d rows retains %,d bytes; its primitive columns need %,d%n",
                ROWS, retained, primitive);

        assertThat(data.rowCount()).isEqualTo(ROWS);
        assertThat(retained).isLessThan(primitive + primitive / 4);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
