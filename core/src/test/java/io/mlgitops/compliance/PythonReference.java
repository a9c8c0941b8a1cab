package io.mlgitops.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.TestEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Runs a Python reference script of the test resources in the test virtual environment. */
public final class PythonReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonReference() {
    }

    /**
     * Copies {@code script}, a resource next to {@code owner}, into {@code folder}, writes {@code input} there as
     * JSON, runs {@code python SCRIPT INPUT.json} and reads the JSON it prints.
     */
    public static JsonNode run(final Path folder, final Class<?> owner, final String script, final Object input)
            throws IOException, InterruptedException {
        Path python = TestEnvironment.python();
        Path copy = folder.resolve(script);
        try (InputStream resource = owner.getResourceAsStream(script)) {
            assertThat(resource).as("test resource " + script).isNotNull();
            Files.copy(resource, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        Path inputFile = folder.resolve(script + ".input.json");
        JSON.writeValue(inputFile.toFile(), input);
        Path output = folder.resolve(script + ".output.json");
        Path errors = folder.resolve(script + ".err");
        List<String> command = List.of(python.toString(), copy.toString(), inputFile.toString());
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(script + " did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            fail(script + " failed with exit code " + process.exitValue() + ":\n" + Files.readString(errors));
        }
        return JSON.readTree(output.toFile());
    }

    /** |a - b| / max(|a|, |b|), 0 when equal. */
    public static double relativeDifference(final double actual, final double expected) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
    }
}
