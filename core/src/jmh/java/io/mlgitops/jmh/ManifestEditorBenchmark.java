package io.mlgitops.jmh;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.EditedFile;
import io.mlgitops.gitops.ManifestEdit;
import io.mlgitops.gitops.ManifestEditor;
import io.mlgitops.gitops.ManifestEdits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Editing a 2,000-line Helm values file: one value near its end, and a restore of that edit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ManifestEditorBenchmark {
    private static final String FILE = "values.yaml";
    static final int SERVICES = 200;

    private byte[] values;
    private List<ManifestEdit> edits;
    private EditedFile edited;

    @Setup
    public void generate() throws InputException {
        values = valuesFile(SERVICES).getBytes(StandardCharsets.UTF_8);
        edits = List.of(ManifestEdits.parseSet(FILE + ":services.svc" + (SERVICES - 1) + ".image.tag=2.0.0"));
        edited = ManifestEditor.apply(FILE, values, edits);
    }

    @Benchmark
    public EditedFile setOneValue() throws InputException {
        return ManifestEditor.apply(FILE, values, edits);
    }

    @Benchmark
    public EditedFile restoreOneValue() throws InputException {
        return ManifestEditor.restore(FILE, edited.content(), edited.edits());
    }

    /** Ten lines per service: comments, quoted and plain scalars, a flow list and a nested mapping. */
    static String valuesFile(final int services) {
        StringBuilder text = new StringBuilder("# Generated values for ").append(services).append(" services\n");
        text.append("services:\n");
        for (int i = 0; i < services; i++) {
            text.append("  svc").append(i).append(":   # service ").append(i).append('\n')
                    .append("    image:\n")
                    .append("      repository: registry.example.com/ml/svc").append(i).append('\n')
                    .append("      tag: \"1.").append(i).append(".0\"\n")
                    .append("    replicas: ").append(1 + i % 5).append('\n')
                    .append("    args: [--port, \"8080\", --workers=4]\n")
                    .append("    resources:\n")
                    .append("      limits: {cpu: \"2\", memory: 4Gi}\n")
                    .append("    enabled: true\n")
                    .append('\n');
        }
        return text.toString();
    }
}
