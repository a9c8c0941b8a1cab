package io.mlgitops.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every metric against scikit-learn 1.9.1 on random data made here (binary, multiclass with a class never predicted
 * and a class never true, regression, tied scores, 1 to 5,000 rows, and 1,000,000 rows for summation accuracy),
 * unweighted and with integer weights (compared with scikit-learn on the replicated rows): equal to 1e-9 relative,
 * NaN equal to NaN; an AUC that Java rejects for a single-class target must be NaN in scikit-learn.
 */
class SklearnAgreementIT {
    private static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void shouldEqualScikitLearnOnRandomData() throws Exception {
        Path python = TestEnvironment.python();
        Map<String, TestCase> cases = cases();
        Path manifest = write(cases);
        JsonNode expected = runScikitLearn(python, manifest);

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (TestCase testCase : cases.values()) {
            JsonNode results = expected.path(testCase.name);
            assertThat(results.isMissingNode()).as("scikit-learn results for %s", testCase.name).isFalse();
            for (Iterator<String> names = results.path("unweighted").fieldNames(); names.hasNext(); ) {
                String metric = names.next();
                compared += compare(testCase, metric, results, mismatches);
            }
        }

        assertThat(mismatches).as("metrics that differ from scikit-learn").isEmpty();
        assertThat(compared).as("comparisons made").isGreaterThan(1000);
    }

    private static int compare(final TestCase testCase, final String metricName, final JsonNode results,
            final List<String> mismatches) {
        JsonNode unweighted = results.path("unweighted").path(metricName);
        JsonNode weighted = results.path("weighted").path(metricName);
        String where = testCase.name + " " + metricName;
        PreparedMetric prepared;
        try {
            prepared = MetricCatalog.resolve(metricName, testCase.data.task()).prepare(testCase.data);
        }
        catch (InputException rejected) {
            boolean agreed = metricName.equals("roc_auc") && rejected.getMessage().contains("only one class")
                    && Double.isNaN(number(unweighted));
            if (!agreed) {
                mismatches.add(where + ": Java rejected (" + rejected.getMessage() + "), scikit-learn gave "
                        + unweighted);
            }
            return 1;
        }
        check(where, prepared.value(), unweighted, mismatches);
        check(where + " (weighted)", prepared.value(testCase.weights), weighted, mismatches);
        return 2;
    }

    private static void check(final String where, final double actual, final JsonNode expected,
            final List<String> mismatches) {
        if (expected.isObject()) {
            mismatches.add(where + ": scikit-learn failed (" + expected.path("error").asText() + "), Java gave "
                    + actual);
            return;
        }
        double value = number(expected);
        boolean bothNan = Double.isNaN(value) && Double.isNaN(actual);
        boolean close = Math.abs(actual - value) <= RELATIVE * Math.max(Math.abs(actual), Math.abs(value));
        if (!bothNan && !close) {
            mismatches.add(where + ": Java " + actual + ", scikit-learn " + value);
        }
    }

    private static double number(final JsonNode node) {
        return node.isTextual() && node.asText().equals("nan") ? Double.NaN : node.asDouble(Double.NaN);
    }

    private JsonNode runScikitLearn(final Path python, final Path manifest) throws IOException, InterruptedException {
        Path script = folder.resolve("sklearn_metrics.py");
        try (InputStream resource = getClass().getResourceAsStream("sklearn_metrics.py")) {
            assertThat(resource).as("test resource sklearn_metrics.py").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path output = folder.resolve("sklearn.json");
        Path errors = folder.resolve("sklearn.err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), manifest.toString())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("scikit-learn did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            fail("scikit-learn script failed with exit code " + process.exitValue() + ":\n" + Files.readString(errors));
        }
        return JSON.readTree(output.toFile());
    }

    private Path write(final Map<String, TestCase> cases) throws IOException {
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (TestCase testCase : cases.values()) {
            EvaluationData data = testCase.data;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", testCase.name);
            entry.put("task", data.task().name().toLowerCase(Locale.ROOT));
            entry.put("rows", data.size());
            entry.put("yTrue", testCase.name + ".ytrue");
            entry.put("yPred", testCase.name + ".ypred");
            entry.put("weights", testCase.name + ".weights");
            writeInts(testCase.name + ".weights", testCase.weights);
            if (data.task() == Task.REGRESSION) {
                writeDoubles(testCase.name + ".ytrue", data.yTrueValues());
                writeDoubles(testCase.name + ".ypred", data.yPredValues());
            }
            else {
                entry.put("classes", data.labels().size());
                entry.put("positive", data.positiveClass());
                entry.put("probabilities", testCase.name + ".proba");
                writeInts(testCase.name + ".ytrue", data.yTrue());
                writeInts(testCase.name + ".ypred", data.yPred());
                writeDoubles(testCase.name + ".proba", data.probabilities());
            }
            manifest.add(entry);
        }
        Path path = folder.resolve("manifest.json");
        JSON.writeValue(path.toFile(), manifest);
        return path;
    }

    private void writeInts(final String name, final int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        writeBuffer(name, buffer);
    }

    private void writeDoubles(final String name, final double[]... columns) throws IOException {
        int length = 0;
        for (double[] column : columns) {
            length += column.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] column : columns) {
            buffer.asDoubleBuffer().put(column);
            buffer.position(buffer.position() + column.length * Double.BYTES);
        }
        buffer.rewind();
        writeBuffer(name, buffer);
    }

    private void writeBuffer(final String name, final ByteBuffer buffer) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve(name), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static Map<String, TestCase> cases() {
        Map<String, TestCase> cases = new LinkedHashMap<>();
        for (int seed = 1; seed <= 3; seed++) {
            for (int rows : new int[] {1, 2, 7, 60, 800, 5000}) {
                int decimals = seed == 1 ? 1 : seed == 2 ? 2 : -1;
                int positive = seed == 3 && rows == 60 ? 0 : 1;
                add(cases, "binary-s" + seed + "-n" + rows, RandomData.binary(new Random(seed * 1000L + rows), rows,
                        decimals, positive));
            }
            for (int rows : new int[] {3, 40, 900, 5000}) {
                add(cases, "multiclass-s" + seed + "-n" + rows,
                        RandomData.multiclass(new Random(seed * 2000L + rows), rows, 3 + seed % 3, seed));
            }
            for (int rows : new int[] {1, 2, 10, 1000, 5000}) {
                add(cases, "regression-s" + seed + "-n" + rows,
                        RandomData.regression(new Random(seed * 3000L + rows), rows));
            }
        }
        add(cases, "regression-constant-target", RandomData.constantTarget(7));
        add(cases, "binary-n1000000", RandomData.binary(new Random(9), 1_000_000, 3, 1));
        add(cases, "regression-n1000000", RandomData.regression(new Random(9), 1_000_000));
        return cases;
    }

    private static void add(final Map<String, TestCase> cases, final String name, final EvaluationData data) {
        Random random = new Random(name.hashCode());
        int[] weights = new int[data.size()];
        for (int row = 0; row < weights.length; row++) {
            weights[row] = random.nextInt(4);
        }
        weights[0] = Math.max(weights[0], 1);
        cases.put(name, new TestCase(name, data, weights));
    }

    private static final class TestCase {
        private final String name;
        private final EvaluationData data;
        private final int[] weights;

        TestCase(final String name, final EvaluationData data, final int[] weights) {
            this.name = name;
            this.data = data;
            this.weights = weights;
        }
    }
}
