package io.jenkins.plugins.mlgitops.actions.summary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the reports beside build.xml, and only those. */
class ReportFolderTest {
    @TempDir
    private Path build;

    @Test
    void shouldReadAReportAsWrittenAndSummariseIt() throws IOException {
        Path folder = Files.createDirectories(build.resolve("mlgitops"));
        String json = RealReports.text("promotion.json");
        Files.writeString(folder.resolve("promotion-2.json"), json);

        ReportFolder reports = new ReportFolder(folder);

        assertThat(reports.read("promotion-2.json")).isEqualTo(json);
        assertThat(reports.summarise("promotion-2.json").getFile()).isEqualTo("promotion-2.json");
        assertThat(reports.summarise("promotion-2.json").getDeployment().getEnvironment()).isEqualTo("staging");
    }

    @Test
    void shouldRefuseNamesThatLeaveTheFolder() throws IOException {
        Path folder = Files.createDirectories(build.resolve("mlgitops"));
        Files.writeString(build.resolve("build.xml"), "<build/>");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/x.json"), "{}");
        ReportFolder reports = new ReportFolder(folder);

        assertThatThrownBy(() -> reports.read("../build.xml")).isInstanceOf(IOException.class)
                .hasMessageContaining("Not a report file of");
        assertThatThrownBy(() -> reports.read("sub/x.json")).isInstanceOf(IOException.class)
                .hasMessageContaining("Not a report file of");
        assertThatThrownBy(() -> reports.read(build.resolve("build.xml").toString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldNameTheMissingFile() {
        ReportFolder reports = new ReportFolder(build.resolve("mlgitops"));

        assertThatThrownBy(() -> reports.read("benchmark.json")).isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot read the report").hasMessageContaining("benchmark.json");
    }
}
