package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule on files written here: fields, folders, links, containers, caps and file formats. */
class ModelArtifactsRuleTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] BENIGN = new PickleBytes().proto(2).stackGlobal("collections", "OrderedDict")
            .raw(')', 'R', '.').build();
    private static final byte[] BENIGN_PROTOCOL_0 = new PickleBytes().raw("ccollections\nOrderedDict\n(tR.").build();
    private static final byte[] EVIL = new PickleBytes().raw("cposix\nsystem\n(S'id'\ntR.").build();

    @TempDir
    Path folder;

    private static RuleFields rule(final Map<String, JsonNode> fields) {
        return new RuleFields("policy.yaml", "pickle", "modelArtifacts", fields);
    }

    private static RuleCheck check(final Path path, final Map<String, JsonNode> fields) throws Exception {
        return new ModelArtifactsRule().check(rule(fields), Evidence.builder().modelDirectory(path).build());
    }

    private Path write(final String name, final byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> scanned(final RuleCheck check) {
        return (List<Map<String, Object>>) check.evidence().get("scanned");
    }

    private static byte[] zip(final Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] npy(final String descr, final byte[] data) {
        String header = "{'descr': " + descr + ", 'fortran_order': False, 'shape': (1,), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        bytes.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(data);
        return bytes.toByteArray();
    }

    /** A pickle of protocol 2 holding {@code length} zero bytes, which compresses to almost nothing. */
    private static byte[] largeBytes(final int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new PickleBytes().proto(2).raw('B', length & 0xff, length >> 8 & 0xff, length >> 16 & 0xff,
                0).build());
        bytes.writeBytes(new byte[length]);
        bytes.write('.');
        return bytes.toByteArray();
    }

    @Test
    void shouldAcceptOnlyItsFieldsAndValidateThem() throws Exception {
        ModelArtifactsRule type = new ModelArtifactsRule();
        type.validate(rule(Map.of("allow", NODES.arrayNode().add("mypackage.*").add("other.Net"), "defaults",
                NODES.booleanNode(false), "maxFileSize", NODES.numberNode(10_000_000_000L))));

        assertThat(type.name()).isEqualTo("modelArtifacts");
        assertThat(type.fields()).containsExactlyInAnyOrder("allow", "defaults", "maxFileSize");
        assertThatThrownBy(() -> type.validate(rule(Map.of("allow", NODES.textNode("sklearn")))))
                .isInstanceOf(InputException.class)
                .hasMessage("policy.yaml: rule 'pickle' (modelArtifacts), field 'allow': 'sklearn' is not an import: "
                        + "write module.name (e.g. mypackage.features.Scaler) or module.* (e.g. mypackage.*)");
        for (JsonNode size : List.of(NODES.numberNode(0), NODES.numberNode(1.5), NODES.textNode("1G"))) {
            assertThatThrownBy(() -> type.validate(rule(Map.of("maxFileSize", size))))
                    .hasMessageContaining("field 'maxFileSize': must be a whole number of bytes of at least 1, got");
        }
        assertThatThrownBy(() -> type.validate(rule(Map.of("defaults", NODES.textNode("yes")))))
                .hasMessageContaining("field 'defaults': must be true or false");
    }

    @Test
    void shouldBeNotApplicableWithoutAModelFolderOrModelFiles() throws Exception {
        write("README.md", "# model".getBytes(StandardCharsets.UTF_8));
        write("weights.bin", new byte[] {0, 0, (byte) 0x80, 0x3f});

        RuleCheck none = new ModelArtifactsRule().check(rule(Map.of()), Evidence.builder().build());
        RuleCheck nothing = check(folder, Map.of());

        assertThat(none.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(none.message()).isEqualTo("No model folder was given, so no model file was scanned.");
        assertThat(nothing.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(nothing.message()).startsWith("Nothing scannable was found in " + folder.toAbsolutePath()
                + " (2 files skipped)");
    }

    @Test
    void shouldNameAMissingPath() {
        Path missing = folder.resolve("no-such-model");

        assertThatThrownBy(() -> check(missing, Map.of())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("The model folder " + missing + " does not exist.");
    }

    @Test
    void shouldWalkSubfoldersAndReportEveryFailingImportWithItsFile() throws Exception {
        write("model/model.pkl", BENIGN);
        write("model/artifacts/python_model.pkl", EVIL);
        write("model/conda.yaml", "name: env".getBytes(StandardCharsets.UTF_8));

        RuleCheck check = check(folder.resolve("model"), Map.of());

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).containsExactly(new Finding("posix.system", "artifacts/python_model.pkl imports "
                + "posix.system: dangerous, loading the file can run code, commands, or reach files or the network. "
                + "Do not load it; rebuild the model from trusted code."));
        assertThat(check.evidence()).containsEntry("filesScanned", 2).containsEntry("filesSkipped", 1)
                .containsEntry("distinctImports", 2)
                .containsEntry("failingImports", List.of(Map.of("file", "artifacts/python_model.pkl", "module",
                        "posix", "name", "system", "reason", "dangerous")));
        assertThat(scanned(check)).containsExactly(
                Map.of("file", "artifacts/python_model.pkl", "kind", "pickle", "imports", List.of("posix.system")),
                Map.of("file", "model.pkl", "kind", "pickle", "imports", List.of("collections.OrderedDict")));
    }

    @Test
    void shouldScanASingleFileAndPassWhenEveryImportIsAllowed() throws Exception {
        Path model = write("model.pkl", BENIGN);

        RuleCheck check = check(model, Map.of());

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("Scanned 1 model files in " + folder.toAbsolutePath() + " (0 skipped): "
                + "all 1 distinct imports are allowed and no ONNX external data leaves the folder.");
    }

    @Test
    void shouldNotFollowLinksOutOfTheFolder() throws Exception {
        Path outside = Files.write(Files.createTempFile("outside", ".pkl"), EVIL);
        try {
            Path model = Files.createDirectories(folder.resolve("model"));
            write("model/real.pkl", BENIGN);
            Files.createSymbolicLink(model.resolve("linked.pkl"), outside);
            Files.createSymbolicLink(model.resolve("alias.pkl"), model.resolve("real.pkl"));
            Files.createSymbolicLink(model.resolve("folder.pkl"), Files.createDirectories(model.resolve("sub")));

            RuleCheck check = check(model, Map.of());

            assertThat(check.findings()).extracting(Finding::key).containsExactly("linked.pkl");
            assertThat(check.findings().get(0).message()).contains("it is a symbolic link to "
                    + outside.toRealPath() + ", outside the model folder, which the scanner does not follow.");
            assertThat(scanned(check)).extracting(entry -> entry.get("file"))
                    .containsExactly("alias.pkl", "linked.pkl", "real.pkl");
            assertThat(check.evidence()).containsEntry("filesSkipped", 1);
        }
        finally {
            Files.delete(outside);
        }
    }

    @Test
    void shouldScanPicklesAndArraysInsideZipArchivesWithoutExtractingThem() throws Exception {
        write("model.pt", zip(Map.of("archive/data.pkl", EVIL, "archive/data/0", new byte[16],
                "../../escape.pkl", BENIGN)));
        write("arrays.npz", zip(Map.of("numbers.npy", npy("'<f8'", new byte[8]), "objects.npy", npy("'|O'", EVIL))));

        RuleCheck check = check(folder, Map.of());

        assertThat(check.findings()).extracting(Finding::message).containsExactly(
                "arrays.npz:objects.npy imports posix.system: dangerous, loading the file can run code, commands, or "
                        + "reach files or the network. Do not load it; rebuild the model from trusted code.",
                "model.pt:archive/data.pkl imports posix.system: dangerous, loading the file can run code, "
                        + "commands, or reach files or the network. Do not load it; rebuild the model from trusted "
                        + "code.");
        assertThat(scanned(check)).extracting(entry -> entry.get("file")).containsExactly("arrays.npz:numbers.npy",
                "arrays.npz:objects.npy", "model.pt:../../escape.pkl", "model.pt:archive/data.pkl");
        assertThat(folder.getParent().resolve("escape.pkl")).doesNotExist();
    }

    @Test
    void shouldCapWhatArchivesAndCompressedFilesExpandTo() throws Exception {
        write("bomb.pt", zip(Map.of("archive/data.pkl", largeBytes(1_000_000))));
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (OutputStream deflate = new DeflaterOutputStream(zlib)) {
            deflate.write(largeBytes(1_000_000));
        }
        write("bomb.joblib", zlib.toByteArray());
        write("small.joblib", largeBytes(1000));

        RuleCheck check = check(folder, Map.of("maxFileSize", NODES.numberNode(100_000)));

        assertThat(check.findings()).extracting(Finding::key).containsExactly("bomb.joblib",
                "bomb.pt:archive/data.pkl");
        assertThat(check.findings()).extracting(Finding::message).allSatisfy(message -> assertThat(message)
                .endsWith("cannot be scanned, so it is not known what loading it runs: it expands to more than "
                        + "maxFileSize (100000 bytes)"));
        assertThat(Files.size(folder.resolve("bomb.joblib"))).isLessThan(100_000);
    }

    @Test
    void shouldFailFilesLargerThanTheLimitAndArchivesWithTooManyEntries() throws Exception {
        write("big.pkl", largeBytes(3_000_000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= ModelFileScanner.MAX_ZIP_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        write("many.npz", bytes.toByteArray());

        RuleCheck check = check(folder, Map.of("maxFileSize", NODES.numberNode(2_000_000)));

        assertThat(check.findings()).extracting(Finding::message).containsExactly(
                "big.pkl cannot be scanned, so it is not known what loading it runs: it is 3000008 bytes, larger "
                        + "than maxFileSize (2000000 bytes)",
                "many.npz cannot be scanned, so it is not known what loading it runs: it is a zip archive of 10001 "
                        + "entries, more than 10000");
    }

    @ParameterizedTest
    @CsvSource({"425a683931415926, bz2", "fd377a585a000004, xz", "5d0000800000, lzma", "04224d1820, lz4",
        "5a46307830303030, joblib's zlib format from before version 0.10"})
    void shouldFailCompressionsThatCannotBeRead(final String head, final String compression) throws Exception {
        write("model.joblib", HexFormat.of().parseHex(head));

        RuleCheck check = check(folder, Map.of());

        assertThat(check.findings()).extracting(Finding::message).containsExactly("model.joblib cannot be scanned, "
                + "so it is not known what loading it runs: it is compressed with " + compression + ", which this "
                + "scanner cannot read. Save it uncompressed or with zlib or gzip (joblib.dump(..., compress=3) or "
                + "compress=('gzip', 3)).");
    }

    @Test
    void shouldScanPytorchAndDataFilesOnlyWhenTheyHoldPicklesOrZipArchives() throws Exception {
        byte[] legacy = new PickleBytes().proto(2).raw(0x8a, 10, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8,
                0x50, 0x19, '.').proto(2).raw('M', 0xe9, 0x03, '.').proto(2).raw('}', '.').build();
        ByteArrayOutputStream legacyFile = new ByteArrayOutputStream();
        legacyFile.writeBytes(legacy);
        legacyFile.writeBytes(BENIGN);
        legacyFile.writeBytes(new PickleBytes().proto(2).raw(']', '.').build());
        legacyFile.writeBytes(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, (byte) 0x93, 'c', 'o', 's', '\n', 0, 0, 0});
        write("legacy.pth", legacyFile.toByteArray());
        write("pytorch_model.bin", new PickleBytes().proto(2).raw("cposix\nsystem\n.").build());
        write("tensor.bin", new byte[] {0, 0, (byte) 0x80, 0x3f});
        write("table.dat", "1,2,3\n".getBytes(StandardCharsets.US_ASCII));
        write("protocol0.dat", BENIGN_PROTOCOL_0);

        RuleCheck check = check(folder, Map.of());

        assertThat(scanned(check)).extracting(entry -> entry.get("file")).containsExactly("legacy.pth",
                "protocol0.dat", "pytorch_model.bin");
        assertThat(scanned(check).get(0)).containsEntry("kind", "pytorch legacy pickle")
                .containsEntry("imports", List.of("collections.OrderedDict"));
        assertThat(check.findings()).extracting(Finding::key).containsExactly("posix.system");
        assertThat(check.evidence()).containsEntry("filesSkipped", 2);
    }

    @Test
    void shouldScanThePickleOfObjectArraysOnly() throws Exception {
        write("objects.npy", npy("'|O'", EVIL));
        write("fields.npy", npy("[('name', '|O'), ('x', '<f8')]", BENIGN));
        write("numbers.npy", npy("'<f8'", EVIL));
        write("broken.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0});

        RuleCheck check = check(folder, Map.of());

        assertThat(check.findings()).extracting(Finding::key).containsExactly("broken.npy", "posix.system");
        assertThat(check.findings().get(0).message()).endsWith("it is not a valid .npy file: format version 9 is "
                + "not 1, 2 or 3");
        assertThat(scanned(check)).contains(Map.of("file", "numbers.npy", "kind", "npy", "imports", List.of()),
                Map.of("file", "fields.npy", "kind", "npy", "imports", List.of("collections.OrderedDict")));
    }

    @Test
    void shouldFailTextThatIsNotAPickle() throws Exception {
        write("model.pkl", "not a pickle\n".getBytes(StandardCharsets.US_ASCII));

        RuleCheck check = check(folder, Map.of());

        assertThat(check.findings()).extracting(Finding::message).containsExactly("model.pkl cannot be scanned, so "
                + "it is not known what loading it runs: the pickle is malformed: unknown opcode 0x6e at byte 0");
    }
}
