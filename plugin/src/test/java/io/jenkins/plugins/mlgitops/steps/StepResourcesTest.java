package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.config.GitOpsDefaults;
import io.jenkins.plugins.mlgitops.config.KubernetesCluster;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.MlflowServer;
import io.jenkins.plugins.mlgitops.config.PrometheusServer;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step and block has {@code config.jelly} and {@code help.html} beside its class, every parameter a
 * {@code help-<parameter>.html} (beside the class or the superclass sharing the parameter), and every field of
 * {@code config.jelly} names a real parameter.
 */
class StepResourcesTest {
    private static final List<Class<?>> DESCRIBED = List.of(MlBenchmarkStep.class, MlComplianceCheckStep.class,
            MetricGate.class, MlPromoteStep.class, MlRollbackStep.class, SetImageEdit.class, SetValueEdit.class,
            MlflowServer.class, MlGitOpsConfiguration.class, MlCanaryStep.class, CanaryThresholdCheck.class,
            CanaryComparison.class, PrometheusServer.class, KubernetesCluster.class, GitOpsDefaults.class);
    private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z]+)\"");

    @Test
    void shouldDocumentEveryParameter() throws IOException {
        for (Class<?> type : DESCRIBED) {
            assertThat(resource(type, "help.html")).as(type.getSimpleName() + "/help.html").isNotBlank();
            for (String parameter : parameters(type)) {
                assertThat(helpFile(type, parameter))
                        .as(type.getSimpleName() + "/help-" + parameter + ".html").isNotBlank();
            }
        }
    }

    @Test
    void shouldBindOnlyRealParametersInConfigJelly() throws IOException {
        for (Class<?> type : DESCRIBED) {
            String jelly = resource(type, "config.jelly");
            assertThat(jelly).as(type.getSimpleName() + "/config.jelly").isNotBlank();
            Matcher fields = FIELD.matcher(jelly);
            List<String> bound = new ArrayList<>();
            while (fields.find()) {
                bound.add(fields.group(1));
            }
            assertThat(bound).as(type.getSimpleName() + " fields").isNotEmpty();
            assertThat(parameters(type)).as(type.getSimpleName() + " parameters").containsAll(bound);
        }
    }

    @Test
    void shouldNameParametersAsTheCommandLineDoesInCamelCase() {
        assertThat(parameters(MlBenchmarkStep.class)).contains("dataset", "target", "champion", "candidate",
                "features", "positiveLabel", "task", "metrics", "gates", "gateMode", "test", "confidence", "resamples",
                "seed", "slices", "onMissingChampion", "maxLatencyRegression", "latencySamples", "batchSize",
                "threads", "delimiter", "mlflowUrl", "mlflowServer", "report", "unstableOnFailure");
        assertThat(parameters(MlComplianceCheckStep.class)).contains("policies", "packs", "modelType", "region",
                "dataset", "target", "predictions", "features", "referenceDataset", "sensitive", "modelCard",
                "securityReports", "sbom", "modelDir", "benchmarkReport", "approvedBy", "mlflowServer",
                "unstableOnFailure");
        assertThat(parameters(MlPromoteStep.class)).contains("model", "version", "environment", "repository",
                "branch", "edits", "mode", "alias", "tags", "waitForSync", "timeout", "author", "mlflowUrl",
                "mlflowServer", "credentialsId", "unstableOnFailure", "report", "requires", "soak", "allowRejected",
                "promotionId", "messageTemplate", "reportDigest", "argocdNamespace", "maxAttempts");
        assertThat(parameters(MlRollbackStep.class)).contains("repository", "record", "model", "environment",
                "branch", "reason", "credentialsId", "mlflowServer", "unstableOnFailure", "report");
        assertThat(parameters(MlCanaryStep.class)).contains("router", "candidate", "namespace", "target", "route",
                "stableBackend", "canaryBackend", "stableWorkload", "canaryWorkload", "apiVersion", "kubeconfig",
                "kubeContext", "steps", "stepDuration", "analysisInterval", "checks", "prometheusUrl",
                "scrapeInterval", "minSamples", "onNoData", "maxStepExtension", "failureLimit",
                "consecutiveErrorLimit", "rollbackMode", "webhooks", "timeout", "stable", "traffic", "targetColumn",
                "features", "rate", "stateFile", "injectLatency", "injectErrorRate", "report", "unstableOnFailure",
                "mode", "weightFields", "argocdApplication", "argocdNamespace", "syncTimeout", "promoteNow", "dryRun",
                "rollbackRecord", "model", "version", "environment", "alias", "promoteOnSuccess", "promoteEdits",
                "repository", "branch", "credentialsId", "knownHosts", "strictHostKeyChecking", "maxAttempts",
                "author", "messageTemplate", "mlflowUrl", "mlflowServer");
        assertThat(parameters(CanaryThresholdCheck.class)).containsExactlyInAnyOrder("name", "min", "max",
                "critical", "minSamples", "query", "samples");
        assertThat(parameters(CanaryComparison.class)).containsExactlyInAnyOrder("name", "direction",
                "maxIncrease", "maxDecrease", "alpha", "critical", "minSamples", "query", "samples");
        assertThat(parameters(SetImageEdit.class)).containsExactlyInAnyOrder("file", "image", "newName", "tag",
                "digest");
        assertThat(parameters(SetValueEdit.class)).containsExactlyInAnyOrder("file", "path", "value", "document");
        assertThat(parameters(MetricGate.class)).containsExactlyInAnyOrder("metric", "threshold",
                "minAbsoluteChange", "minRelativeChange", "greaterIsBetter", "requireSignificance");
    }

    @Test
    void shouldOfferTheGlobalConfigurationsBlocksToConfigurationAsCode() {
        assertThat(parameters(MlGitOpsConfiguration.class)).containsExactlyInAnyOrder("mlflowServers",
                "defaultMlflowServer", "prometheus", "kubernetes", "gitOpsDefaults");
        assertThat(parameters(MlflowServer.class)).containsExactlyInAnyOrder("name", "url", "credentialsId");
        assertThat(parameters(PrometheusServer.class)).containsExactlyInAnyOrder("url", "credentialsId",
                "scrapeInterval");
        assertThat(parameters(KubernetesCluster.class)).containsExactlyInAnyOrder("credentialsId", "context");
        assertThat(parameters(GitOpsDefaults.class)).containsExactlyInAnyOrder("repository", "branch",
                "credentialsId", "author");
        assertThat(Stream.of(MlflowServer.class, PrometheusServer.class, KubernetesCluster.class,
                GitOpsDefaults.class).map(StepResourcesTest::symbolOf))
                .containsExactly("mlflowServer", "prometheus", "kubernetes", "gitOpsDefaults");
    }

    private static String symbolOf(final Class<?> block) {
        for (Class<?> nested : block.getClasses()) {
            Symbol symbol = nested.getAnnotation(Symbol.class);
            if (symbol != null) {
                return symbol.value()[0];
            }
        }
        return null;
    }

    /** Constructor parameters (names from javac -parameters, as Stapler reads them) and setter properties. */
    static List<String> parameters(final Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(parameter.getName());
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(method.getName().substring("set".length())));
            }
        }
        return names;
    }

    /** The parameter's help, beside the class or, as Jenkins looks it up, beside a superclass declaring it. */
    static String helpFile(final Class<?> type, final String parameter) throws IOException {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            String help = resource(declaring, "help-" + parameter + ".html");
            if (help != null) {
                return help;
            }
        }
        return null;
    }

    static String resource(final Class<?> type, final String name) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
