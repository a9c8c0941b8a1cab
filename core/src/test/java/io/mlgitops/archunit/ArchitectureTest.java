package io.mlgitops.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of DESIGN §1 for the core, as tests.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mlgitops");
    }

    @Test
    void shouldNeverDependOnJenkinsOrServletTypes() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "javax.servlet..", "jakarta.servlet..")
                .because("the core runs outside Jenkins (DESIGN §1)");
        rule.check(core);
    }

    @Test
    void shouldKeepSlicesFreeOfCycles() {
        ArchRule rule = slices().matching("io.mlgitops.(*)..").should().beFreeOfCycles()
                .ignoreDependency(alwaysTrue(), resideInAPackage("io.mlgitops.api.errors.."))
                .ignoreDependency(alwaysTrue(), resideInAPackage("io.mlgitops.api.spi.."));
        rule.check(core);
    }

    @Test
    void shouldUseTheFacadeOnlyFromOutside() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.mlgitops.api..")
                .should().dependOnClassesThat().resideInAPackage("io.mlgitops.api")
                .because("slices depend on each other only through ports, reports and api.errors/api.spi; "
                        + "the facade is the entry point for hosts, not for the engine itself");
        rule.check(core);
    }

    @Test
    void shouldReachImplementationPackagesOnlyFromTheirOwnSlice() {
        for (String slice : new String[] {"data", "inference", "metrics", "stats", "benchmark", "registry",
                "report", "net", "gitops", "canary", "compliance"}) {
            ArchRule rule = noClasses().that().resideOutsideOfPackages("io.mlgitops." + slice + "..",
                            "io.mlgitops.api")
                    .should().dependOnClassesThat().resideInAPackage("io.mlgitops." + slice + ".*..")
                    .because("another slice may use only the public surface (top-level package: ports and values) "
                            + "of slice " + slice);
            rule.allowEmptyShould(true).check(core);
        }
    }
}
