package io.jenkins.plugins.mlgitops.archunit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of DESIGN §1 that concern the plugin, as tests. */
class PluginArchitectureTest {
    private static final String[] JENKINS_PACKAGES = {"hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..",
        "javax.servlet..", "jakarta.servlet..", "com.cloudbees.."};
    private static final String ACTIONS = "io.jenkins.plugins.mlgitops.actions";

    private static JavaClasses plugin;
    private static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        plugin = importer.importPackages("io.jenkins.plugins.mlgitops");
        core = importer.importPackages("io.mlgitops");
    }

    @Test
    void shouldKeepTheCoreFreeOfJenkinsTypes() {
        assertThat(core.size()).as("core classes on the class path").isGreaterThan(100);
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .orShould().dependOnClassesThat().resideInAPackage("io.jenkins..")
                .because("the engine runs outside Jenkins too (DESIGN §1)");
        rule.check(core);
    }

    @Test
    void shouldKeepTheStepLogicFreeOfJenkinsTypes() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.jenkins.plugins.mlgitops.steps.engine..",
                        "io.jenkins.plugins.mlgitops.config.settings..",
                        "io.jenkins.plugins.mlgitops.actions.summary..", "io.jenkins.plugins.mlgitops.actions.trend..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .because("the decisions of the steps are unit-tested without Jenkins (DESIGN §7)");
        rule.check(plugin);
    }

    @Test
    void shouldReachTheJenkinsSingletonOnlyFromAdapters() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.jenkins.plugins.mlgitops.adapters..")
                .should().callMethodWhere(target(name("get").or(name("getInstance")).or(name("getInstanceOrNull")))
                        .and(target(owner(JavaClass.Predicates.simpleName("Jenkins")
                                .or(JavaClass.Predicates.simpleName("Timer"))))))
                .because("only adapters touch Jenkins singletons (DESIGN §1)");
        rule.check(plugin);
    }

    @Test
    void shouldReachCredentialsOnlyFromAdapters() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.jenkins.plugins.mlgitops.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("com.cloudbees.plugins.credentials..",
                        "com.cloudbees.jenkins.plugins.sshcredentials..", "org.jenkinsci.plugins.plaincredentials..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("hudson.util.Secret")
                .because("secret values leave Jenkins types in one place, the credentials adapter (issue 6 §3)");
        rule.check(plugin);
    }

    @Test
    void shouldAnswerFormChecksAndFillsOnlyToPostRequestsOfPermittedUsers() {
        ArchRule rule = methods().that().haveNameMatching("do(Check|Fill).*").and().arePublic()
                .should().beAnnotatedWith("org.kohsuke.stapler.verb.POST")
                .andShould(checkAPermission())
                .because("form endpoints must not leak data or be triggered by a forged GET (issue 6 §3)");
        rule.check(plugin);
        assertThat(plugin.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.getName().startsWith("doCheck"))).as("form checks found").isNotEmpty();
        assertThat(plugin.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.getName().startsWith("doFill"))).as("list fills found").isNotEmpty();
    }

    @Test
    void shouldAnswerThePagesOfTheActionsOnlyToPermittedUsers() {
        ArchRule rule = methods().that().haveNameMatching("do[A-Z].*").and().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage(ACTIONS + "..")
                .should(checkAPermission())
                .because("reports are shown only to users with Item.READ on the job (issue 7 §2)");
        rule.check(plugin);
        assertThat(plugin.stream().filter(type -> type.getPackageName().startsWith(ACTIONS))
                .flatMap(type -> type.getMethods().stream()).filter(method -> method.getName().matches("do[A-Z].*")))
                .as("web methods of the actions found").hasSizeGreaterThanOrEqualTo(2);
    }

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("check a permission") {
            @Override
            public void check(final JavaMethod method, final ConditionEvents events) {
                boolean checks = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getName().equals("checkPermission") || call.getName().equals("hasPermission"));
                if (!checks) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " answers without checking a permission"));
                }
            }
        };
    }

    @Test
    void shouldListEveryClassWithASymbolInTheHandWrittenSymbolIndex() throws IOException {
        Set<String> annotated = plugin.stream().filter(type -> type.isAnnotatedWith("org.jenkinsci.Symbol"))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed;
        try (InputStream index = PluginArchitectureTest.class.getResourceAsStream(
                "/META-INF/services/annotations/org.jenkinsci.Symbol")) {
            assertThat(index).as("the @Symbol index").isNotNull();
            listed = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(annotated).isNotEmpty();
        assertThat(listed).as("META-INF/services/annotations/org.jenkinsci.Symbol").isEqualTo(annotated);
    }
}
