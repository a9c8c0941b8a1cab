package io.mlgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops demo}: its options and what it refuses before doing anything. The demo itself runs end to end in
 * {@link DemoIT}.
 */
class DemoSubcommandTest {
    @TempDir
    private Path folder;

    @Test
    void shouldDescribeItsOptions() {
        CliRun help = CliRun.of("demo", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--workdir", "--scenario", "--keep", "healthy", "regression");
    }

    @Test
    void shouldRefuseAnUnknownScenario() {
        CliRun run = CliRun.of("demo", "--scenario", "flaky", "--workdir", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--scenario must be healthy or regression, got 'flaky'");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void shouldRefuseAFolderThatIsNotEmpty() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "mine");

        CliRun run = CliRun.of("demo", "--workdir", folder.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(folder.toString(), "is not empty");
        assertThat(folder.resolve("notes.txt")).hasContent("mine");
    }
}
