package io.mlgitops.cli.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command line is a thin host: it drives the engine through the facade and reads result types, and never
 * reaches into the engine's machinery.
 */
class CliArchitectureTest {
    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mlgitops.cli");
    }

    @Test
    void shouldUseTheEngineOnlyThroughTheFacadeAndResultTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.mlgitops.inference..",
                        "io.mlgitops.stats..", "io.mlgitops.registry..", "io.mlgitops.net..")
                .because("the CLI maps options onto io.mlgitops.api commands (DESIGN §1)")
                .check(cli);
    }

    @Test
    void shouldNotReachIntoImplementationPackages() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.mlgitops.data.*..",
                        "io.mlgitops.gitops.*..", "io.mlgitops.metrics.*..", "io.mlgitops.benchmark.*..",
                        "io.mlgitops.report.*..")
                .check(cli);
    }
}
