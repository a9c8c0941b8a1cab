package io.mlgitops.canary;

import io.mlgitops.gitops.IgnoredDifference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Argo CD {@code ignoreDifferences} entries cover the weights a direct router writes. */
class IgnoreDifferencesTest {
    private static final String STABLE = "/spec/http/1/route/0/weight";
    private static final String CANARY = "/spec/http/1/route/1/weight";
    private static final RoutedObject ISTIO = new RoutedObject("networking.istio.io", "v1", "VirtualService",
            "ml-serving", "churn-model", List.of(STABLE, CANARY));
    private static final IgnoredDifference NEEDED = new IgnoredDifference("networking.istio.io", "VirtualService",
            "churn-model", "ml-serving", List.of(STABLE, CANARY), List.of(), List.of());

    private static IgnoredDifference pointers(final String group, final String kind, final String name,
            final String namespace, final String... pointers) {
        return new IgnoredDifference(group, kind, name, namespace, List.of(pointers), List.of(), List.of());
    }

    private static IgnoredDifference jq(final String... expressions) {
        return new IgnoredDifference("networking.istio.io", "VirtualService", "", "", List.of(),
                List.of(expressions), List.of());
    }

    @Test
    void shouldAskForBothWeightsWhenNothingIsIgnored() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of())).contains(NEEDED);
    }

    @Test
    void shouldAcceptTheExactPointersOrAParentOfThem() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(pointers("networking.istio.io", "VirtualService",
                "churn-model", "ml-serving", STABLE, CANARY)))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(pointers("networking.istio.io", "VirtualService", "", "",
                "/spec/http")))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(pointers("*", "*", "", "", "/spec/http/1"))))
                .isEmpty();
    }

    @Test
    void shouldAskOnlyForWhatIsStillMissing() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(pointers("networking.istio.io", "VirtualService",
                "churn-model", "", CANARY)))).contains(new IgnoredDifference("networking.istio.io", "VirtualService",
                "churn-model", "ml-serving", List.of(STABLE), List.of(), List.of()));
    }

    @Test
    void shouldNotCountEntriesForOtherObjectsOrSimilarPaths() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(
                pointers("networking.istio.io", "VirtualService", "fraud-model", "", "/spec/http"),
                pointers("networking.istio.io", "VirtualService", "", "staging", "/spec/http"),
                pointers("networking.istio.io", "DestinationRule", "", "", "/spec"),
                pointers("", "VirtualService", "", "", "/spec"),
                pointers("networking.istio.io", "VirtualService", "", "", "/spec/http/10"),
                pointers("networking.istio.io", "VirtualService", "", "", "/spec/http/1/route/0/weightX"))))
                .contains(NEEDED);
    }

    @Test
    void shouldFollowPlainJqPaths() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[].route[].weight")))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[1].route")))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[]?.route[]?")))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec[\"http\"][1].\"route\"")))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".")))).as("the whole object").isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[0].route")))).contains(NEEDED);
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[", ".spec..http", "spec.http",
                ".spec.http[\"a\\\"b\"]")))).as("not plain paths").contains(NEEDED);
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(jq(".spec.http[] | select(.name == \"primary\")"))))
                .as("not evaluated").contains(NEEDED);
    }

    @Test
    void shouldAcceptTheFieldManagerOfTheRouters() {
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(new IgnoredDifference("*", "*", "", "", List.of(),
                List.of(), List.of("mlgitops"))))).isEmpty();
        assertThat(IgnoreDifferences.missing(ISTIO, List.of(new IgnoredDifference("*", "*", "", "", List.of(),
                List.of(), List.of("flagger"))))).contains(NEEDED);
    }

    @Test
    void shouldWriteTheEntryAsArgoCdYaml() {
        assertThat(IgnoreDifferences.yaml(NEEDED)).isEqualTo(String.join("\n",
                "- group: networking.istio.io",
                "  kind: VirtualService",
                "  name: churn-model",
                "  namespace: ml-serving",
                "  jsonPointers:",
                "  - /spec/http/1/route/0/weight",
                "  - /spec/http/1/route/1/weight",
                ""));
        assertThat(IgnoreDifferences.yaml(new IgnoredDifference("", "ConfigMap", "", "", List.of(),
                List.of(".data[\"a b\"]"), List.of("mlgitops")))).isEqualTo(String.join("\n",
                "- group: \"\"",
                "  kind: ConfigMap",
                "  jqPathExpressions:",
                "  - \".data[\\\"a b\\\"]\"",
                "  managedFieldsManagers:",
                "  - mlgitops",
                ""));
    }
}
