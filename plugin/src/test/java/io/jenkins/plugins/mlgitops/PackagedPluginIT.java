package io.jenkins.plugins.mlgitops;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged plugin jar, as Jenkins would load it: its SezPoz index lists every {@code @Extension} class (that index
 * is the only way Jenkins finds extensions), its {@code @Symbol} index every symbol, and no class of the API shim
 * slipped into it. Runs in failsafe's integration-test phase, after {@code package}.
 */
class PackagedPluginIT {
    private static final String JAR_PROPERTY = "mlgitops.plugin.jar";

    private Path jar;

    @BeforeEach
    void findJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        assumeTrue(configured != null, "runs in the verify phase on the packaged jar (failsafe sets " + JAR_PROPERTY
                + ")");
        jar = Path.of(configured);
        assertThat(jar).as("the packaged plugin jar; run mvn verify").isRegularFile();
    }

    @Test
    void shouldIndexEveryExtensionWithSezPoz() throws IOException {
        Set<String> annotated = classesIn(jar).stream().filter(type -> type.isAnnotatedWith(Extension.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                indexed.add(item.className());
            }
        }

        assertThat(annotated).contains("io.jenkins.plugins.mlgitops.steps.MlBenchmarkStep$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.MlComplianceCheckStep$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.MetricGate$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.MlPromoteStep$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.MlRollbackStep$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.SetImageEdit$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.SetValueEdit$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.MlCanaryStep$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.CanaryThresholdCheck$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.steps.CanaryComparison$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.actions.MlGitOpsJobActionFactory",
                "io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration",
                "io.jenkins.plugins.mlgitops.config.MlflowServer$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.config.PrometheusServer$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.config.KubernetesCluster$DescriptorImpl",
                "io.jenkins.plugins.mlgitops.config.GitOpsDefaults$DescriptorImpl");
        assertThat(indexed).as("META-INF/annotations/hudson.Extension").isEqualTo(annotated);
    }

    @Test
    void shouldListEverySymbolAndCarryTheViews() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Set<String> symbols = classesIn(jar).stream()
                    .filter(type -> type.isAnnotatedWith("org.jenkinsci.Symbol")).map(JavaClass::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> listed = read(file, "META-INF/services/annotations/org.jenkinsci.Symbol").lines()
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed).isEqualTo(symbols);
            assertThat(file.getEntry("index.jelly")).isNotNull();
            for (String described : new String[] {"steps/MlBenchmarkStep", "steps/MlComplianceCheckStep",
                "steps/MetricGate", "steps/MlPromoteStep", "steps/MlRollbackStep", "steps/SetImageEdit",
                "steps/SetValueEdit", "config/MlflowServer", "config/MlGitOpsConfiguration", "steps/MlCanaryStep",
                "steps/CanaryThresholdCheck", "steps/CanaryComparison", "config/PrometheusServer",
                "config/KubernetesCluster", "config/GitOpsDefaults"}) {
                String folder = "io/jenkins/plugins/mlgitops/" + described + "/";
                assertThat(file.getEntry(folder + "config.jelly")).as(folder + "config.jelly").isNotNull();
                assertThat(file.getEntry(folder + "help.html")).as(folder + "help.html").isNotNull();
            }
            for (String view : new String[] {"MlGitOpsBuildAction/summary.jelly", "MlGitOpsBuildAction/index.jelly",
                "MlGitOpsJobAction/index.jelly", "MlGitOpsJobAction/floatingBox.jelly"}) {
                String entry = "io/jenkins/plugins/mlgitops/actions/" + view;
                assertThat(read(file, entry)).as(entry).startsWith("<?jelly escape-by-default='true'?>");
            }
        }
    }

    @Test
    void shouldContainNoClassOfTheApiShim() throws IOException, URISyntaxException {
        Set<String> shim = shimClassFiles();
        assertThat(shim).as("shim classes found").contains("hudson/Extension.class", "hudson/FilePath.class");
        try (JarFile file = new JarFile(jar.toFile())) {
            Set<String> entries = file.stream().map(ZipEntry::getName).collect(Collectors.toSet());
            assertThat(entries).doesNotContainAnyElementsOf(shim);
            assertThat(entries).noneMatch(name -> name.startsWith("hudson/") || name.startsWith("jenkins/")
                    || name.startsWith("org/kohsuke/") || name.startsWith("org/jenkinsci/")
                    || name.startsWith("com/cloudbees/"));
        }
    }

    private static Set<JavaClass> classesIn(final Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new ClassFileImporter().importJar(file).stream().collect(Collectors.toSet());
        }
    }

    /** The class files of the shim, found where the test class path has {@code hudson.Extension}. */
    private static Set<String> shimClassFiles() throws IOException, URISyntaxException {
        Path location = Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(path -> path.toString().endsWith(".class"))
                        .map(path -> location.relativize(path).toString().replace('\\', '/'))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }
        try (JarFile shim = new JarFile(location.toFile())) {
            return shim.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(final JarFile file, final String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
