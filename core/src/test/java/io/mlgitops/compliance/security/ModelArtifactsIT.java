package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The {@code modelArtifacts} rule on files written by Python: a scikit-learn pipeline pickled at protocols 0, 2, 4
 * and 5 and dumped by joblib (plain, zlib, gzip, bz2), a torch-style zip, .npy arrays, ONNX models with external data,
 * and malicious pickles naming os.system, builtins.eval and subprocess.Popen (never unpickled). The imports found in
 * the benign files must equal those pickletools.genops (or, for joblib, joblib.load's find_class calls) reports.
 */
class ModelArtifactsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    private static JsonNode expected;

    @BeforeAll
    static void writeModelFiles() throws IOException, InterruptedException {
        Path python = TestEnvironment.python();
        Path script = folder.resolve("write_model_artifacts.py");
        try (InputStream resource = ModelArtifactsIT.class.getResourceAsStream("write_model_artifacts.py")) {
            assertThat(resource).as("test resource write_model_artifacts.py").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path errors = folder.resolve("python.err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), folder.resolve("out").toString())
                .redirectErrorStream(false).redirectOutput(folder.resolve("python.out").toFile())
                .redirectError(errors.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("write_model_artifacts.py did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            fail("write_model_artifacts.py failed with exit code " + process.exitValue() + ":\n"
                    + Files.readString(errors));
        }
        expected = JSON.readTree(folder.resolve("out/expected.json").toFile());
        assertThat(expected.path("versions").path("sklearn").asText()).isEqualTo("1.9.1");
    }

    private static RuleCheck check(final String path, final Map<String, JsonNode> fields) throws Exception {
        RuleFields rule = new RuleFields("policy.yaml", "pickle", "modelArtifacts", fields);
        ModelArtifactsRule type = new ModelArtifactsRule();
        type.validate(rule);
        return type.check(rule, Evidence.builder().modelDirectory(folder.resolve("out").resolve(path)).build());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(final RuleCheck check, final String key) {
        return (List<Map<String, Object>>) check.evidence().get(key);
    }

    private static Map<String, Object> scanned(final RuleCheck check, final String file) {
        return entries(check, "scanned").stream().filter(entry -> entry.get("file").equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " was not scanned: " + check.evidence()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> imports(final RuleCheck check, final String file) {
        return (List<String>) scanned(check, file).get("imports");
    }

    @Test
    void shouldFindExactlyTheImportsPythonFindsInBenignModels() throws Exception {
        RuleCheck check = check("benign", Map.of());

        assertThat(check.findings()).isEmpty();
        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        int compared = 0;
        for (Map.Entry<String, JsonNode> file : expected.path("imports").properties()) {
            String name = file.getKey().substring("benign/".length());
            String scannedName = name.endsWith(".pt") ? name + ":archive/data.pkl" : name;
            List<String> python = new ArrayList<>();
            file.getValue().forEach(node -> python.add(node.asText()));
            assertThat(imports(check, scannedName)).as(name)
                    .containsExactlyInAnyOrderElementsOf(python);
            compared += python.size();
        }
        assertThat(compared).isGreaterThan(150);
        assertThat(scanned(check, "sklearn_zlib.joblib").get("kind")).isEqualTo("zlib pickle");
        assertThat(scanned(check, "sklearn_gzip.joblib").get("kind")).isEqualTo("gzip pickle");
        assertThat(scanned(check, "onnx/model.onnx").get("externalData")).isEqualTo(List.of("weights.bin"));
        assertThat(check.evidence()).containsEntry("filesScanned", 11).containsEntry("filesSkipped", 2);
        System.out.printf("modelArtifacts: %d imports in %d benign files equal Python's%n", compared,
                expected.path("imports").size());
    }

    /** Python 3 writes builtins as __builtin__ and subprocess.Popen as commands.Popen below protocol 3. */
    @ParameterizedTest
    @CsvSource({"os_system_p0.pkl, posix, system", "os_system_p4.pkl, posix, system",
        "eval_p0.pkl, __builtin__, eval", "eval_p4.pkl, builtins, eval", "popen_p0.pkl, commands, Popen",
        "popen_p4.pkl, subprocess, Popen", "two_pickles.pkl, posix, system", "evil_objects.npy, posix, system",
        "evil_torch.pt, __builtin__, eval"})
    void shouldFailMaliciousPicklesAsDangerous(final String file, final String module, final String name)
            throws Exception {
        RuleCheck check = check("evil/" + file, Map.of());

        String scannedName = file.endsWith(".pt") ? file + ":archive/data.pkl" : file;
        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly(module + "." + name);
        assertThat(check.findings().get(0).message()).startsWith(scannedName + " imports " + module + "." + name
                + ": dangerous");
        assertThat(entries(check, "failingImports")).containsExactly(Map.of("file", scannedName, "module", module,
                "name", name, "reason", "dangerous"));
    }

    @Test
    void shouldFailFilesThatCannotBeScanned() throws Exception {
        RuleCheck bz2 = check("evil/sklearn_bz2.joblib", Map.of());
        RuleCheck truncated = check("evil/truncated.pkl", Map.of());

        assertThat(bz2.findings()).extracting(Finding::key).containsExactly("sklearn_bz2.joblib");
        assertThat(bz2.findings().get(0).message()).contains("it is compressed with bz2, which this scanner cannot "
                + "read");
        assertThat(truncated.findings()).extracting(Finding::key).containsExactly("truncated.pkl");
        assertThat(truncated.findings().get(0).message()).contains("the pickle is malformed: the stream ends before "
                + "the pickle is complete (truncated file)");
        assertThat(imports(truncated, "truncated.pkl")).contains("sklearn.pipeline.Pipeline");
    }

    @Test
    void shouldFailOnnxExternalDataOutsideTheFolder() throws Exception {
        RuleCheck check = check("onnx_escape", Map.of());

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("../outside.bin");
        assertThat(check.findings().get(0).message()).contains("tensor 'W' refers to external data "
                + "'../outside.bin', which leaves the model folder");
        assertThat(entries(check, "externalDataProblems")).hasSize(1);
    }

    @Test
    void shouldJudgeAgainstThePolicysOwnAllowListWithoutDefaults() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        RuleCheck bare = check("benign/sklearn.joblib", Map.of("defaults", nodes.booleanNode(false)));
        RuleCheck own = check("benign/sklearn.joblib", Map.of("defaults", nodes.booleanNode(false), "allow",
                nodes.arrayNode().add("sklearn.*").add("numpy.*").add("joblib.numpy_pickle.NumpyArrayWrapper")
                        .add("builtins.slice")));

        assertThat(bare.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(bare.findings()).extracting(Finding::key).contains("sklearn.pipeline.Pipeline", "numpy.dtype");
        assertThat(entries(bare, "failingImports")).allSatisfy(entry -> assertThat(entry)
                .containsEntry("reason", "not allowed"));
        assertThat(own.status()).isEqualTo(RuleStatus.PASSED);
    }
}
