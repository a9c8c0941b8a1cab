package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.testing.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports the renderer does not expect (older, newer, damaged) give a page, never an exception. */
class RobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(final String text) {
        try {
            return JSON.readTree(text);
        }
        catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void shouldRenderReportsWhoseFieldsHaveOtherTypes() {
        List<JsonNode> reports = List.of(
                json("{\"kind\": \"benchmark\", \"results\": {\"metrics\": \"oops\", \"gates\": 3, "
                        + "\"latency\": [], \"slices\": {\"a\": 1}, \"statistics\": 5}}"),
                json("{\"kind\": \"compliance\", \"results\": {\"rules\": [1, \"two\", {\"evidence\": 3}], "
                        + "\"summary\": [], \"waivers\": {\"expired\": \"x\"}, \"policies\": [null]}}"),
                json("{\"kind\": \"promotion\", \"results\": {\"edits\": [{}], \"alias\": \"x\", \"sync\": {}}}"),
                json("{\"kind\": \"canary\", \"results\": {\"steps\": [{\"weight\": 20, \"startedAt\": \"soon\"}], "
                        + "\"decisions\": [{\"check\": \"c\", \"canary\": \"high\", \"time\": 5}], "
                        + "\"rollback\": {\"alias\": 1}}}"),
                json("{\"kind\": \"canary\", \"results\": null}"),
                json("[1, 2, 3]"),
                json("\"just text\""),
                json("{}"));

        PageDocument page = PageDocument.parse(HtmlReport.render(reports));

        assertThat(page.count("//section[@class='report']")).isEqualTo(8);
        assertThat(page.count("//div[@class='failure']")).isZero();
    }

    @Test
    void shouldRenderAnEmptySetOfReports() {
        PageDocument page = PageDocument.parse(HtmlReport.render(List.of()));

        assertThat(page.text("//title")).isEqualTo("ML GitOps report: NONE");
        assertThat(page.count("//section")).isZero();
    }

    @Test
    void shouldShowFieldsOfNewerVersionsGenerically() {
        ObjectNode report = ReportFixtures.read("canary-promoted.json").deepCopy();
        report.put("schemaVersion", 2);
        ((ObjectNode) report.get("results")).putObject("abTest").put("winner", "candidate").putArray("arms")
                .add("a").add("b");
        report.putArray("attachments").addObject().put("name", "trace.json").put("bytes", 120);

        PageDocument page = PageDocument.parse(HtmlReport.render(List.of(report)));

        assertThat(page.text("//dl[@class='json']/dt[.='abTest']/following-sibling::dd[1]"))
                .contains("winner", "candidate", "a, b");
        assertThat(page.texts("//table[@class='json']/tbody/tr/td")).containsExactly("trace.json", "120");
        assertThat(page.text("//dl[@class='facts']/div[dt='Schema version']/dd")).isEqualTo("2");
    }

    @Test
    void shouldFallBackToTheGenericViewWhenASectionFails() {
        KindSection failing = new KindSection() {
            @Override
            public String kind() {
                return "benchmark";
            }

            @Override
            public Set<String> fields() {
                return Set.of();
            }

            @Override
            public void render(final JsonNode results, final Markup out) {
                out.open("p").text("half");
                throw new IllegalStateException("unexpected <b>");
            }
        };
        Markup out = new Markup().open("main");
        new ReportSection(List.of(failing), report -> true).render(0, ReportFixtures.read("benchmark.json"), out);
        PageDocument page = PageDocument.parse(out.close("main").toString());

        assertThat(page.text("//div[@class='failure']")).contains("IllegalStateException: unexpected <b>");
        assertThat(page.count("//p[.='half']")).isZero();
        assertThat(page.texts("//dl[@class='json']/dt")).contains("metrics", "gates");
    }

    @Test
    void shouldCutLongListsWithACount() {
        ObjectNode results = JSON.createObjectNode();
        for (int index = 0; index < 30; index++) {
            results.withArray("values").add(index);
            results.withArray("rows").addObject().put("n", index);
        }
        Markup out = JsonView.of(results);
        PageDocument page = PageDocument.parse("<div>" + out + "</div>");

        assertThat(page.texts("//span[@class='more']")).containsExactly("… and 10 more (30 in all)",
                "… and 10 more (30 in all)");
        assertThat(page.count("//table/tbody/tr")).isEqualTo(20);
    }
}
