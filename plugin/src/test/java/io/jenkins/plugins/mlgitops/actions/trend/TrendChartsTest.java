package io.jenkins.plugins.mlgitops.actions.trend;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.benchmark;
import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.canary;
import static org.assertj.core.api.Assertions.assertThat;

/** The SVG charts: well-formed, escaped, one marker per value, with shapes and words beside the colours. */
class TrendChartsTest {
    private static final String HOSTILE = "<script>alert('x')</script> \"quoted\" & </svg>";

    @Test
    void shouldDrawCandidateAndChampionPerMetricWithAMarkerPerValue() throws Exception {
        TrendSeries trend = TrendSeries.of(List.of(
                new BuildSummaries(1, List.of(benchmark("benchmark.json", "auc", 0.7, 0.8, "f1", 0.5, 0.6))),
                new BuildSummaries(2, List.of(benchmark("benchmark.json", "auc", 0.72, null)))));

        List<Chart> charts = TrendCharts.metrics(trend);

        assertThat(charts).extracting(Chart::getTitle).containsExactly("auc: candidate versus champion",
                "f1: candidate versus champion");
        Document auc = parse(charts.get(0).getSvg());
        assertThat(auc.getElementsByTagName("rect").getLength()).as("champion values and legend").isEqualTo(3);
        assertThat(auc.getElementsByTagName("circle").getLength()).as("candidate values and legend").isEqualTo(2);
        assertThat(auc.getDocumentElement().getTextContent()).contains("#1", "#2", "champion", "candidate",
                "#2 champion: 0.72");
    }

    @Test
    void shouldEscapeEveryTextFromAReport() throws Exception {
        TrendSeries trend = TrendSeries.of(List.of(
                new BuildSummaries(1, List.of(benchmark("benchmark.json", HOSTILE, 0.7, 0.8),
                        canary("canary.json", HOSTILE, 20, 1)))));

        String metric = TrendCharts.metrics(trend).get(0).getSvg();
        String canaries = TrendCharts.canaries(trend).orElseThrow().getSvg();

        for (String svg : List.of(metric, canaries)) {
            Document document = parse(svg);
            assertThat(document.getElementsByTagName("script").getLength()).isZero();
            assertThat(document.getDocumentElement().getElementsByTagName("svg").getLength()).isZero();
            assertThat(document.getDocumentElement().getTextContent()).contains(HOSTILE);
            assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                    + "&quot;quoted&quot; &amp; &lt;/svg&gt;");
        }
    }

    @Test
    void shouldDrawTheCanaryRunsOnAFixedScaleWithTheirOutcomeWritten() throws Exception {
        TrendSeries trend = TrendSeries.of(List.of(
                new BuildSummaries(3, List.of(canary("canary.json", "ROLLED_BACK", 0, 1))),
                new BuildSummaries(4, List.of(canary("canary.json", "PROMOTED", 100, 3))),
                new BuildSummaries(5, List.of(canary("canary.json", "FROZEN", null, 2)))));

        Chart chart = TrendCharts.canaries(trend).orElseThrow();

        String text = parse(chart.getSvg()).getDocumentElement().getTextContent();
        assertThat(text).contains("✘ rolled back", "✔ promoted", "#3", "#4", "#5", "100", "0");
        assertThat(text).doesNotContain("frozen").as("a run without a final weight has no point");
        assertThat(TrendCharts.canaries(TrendSeries.of(List.of()))).isEmpty();
    }

    private static Document parse(final String svg) throws ParserConfigurationException, IOException,
            SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
