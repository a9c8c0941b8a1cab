package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.testing.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page of each kind of report, on real reports the command line wrote. */
class ReportPageTest {
    private static PageDocument page(final String... fixtures) {
        List<JsonNode> reports = List.of(fixtures).stream().map(ReportFixtures::read).toList();
        return PageDocument.parse(HtmlReport.render(reports));
    }

    private static String rows(final String tableClass) {
        return "//table[contains(concat(' ', @class, ' '), ' " + tableClass + " ')]/tbody/tr";
    }

    @Test
    void shouldHeadThePageWithTheVerdictOfEachGate() {
        PageDocument page = page("benchmark.json", "promotion.json", "canary-promoted.json");

        assertThat(page.text("//title")).isEqualTo("ML GitOps report: FAILED");
        assertThat(page.texts(rows("verdicts") + "/td[2]")).containsExactly("benchmark", "promotion", "canary");
        assertThat(page.texts(rows("verdicts") + "/td[3]")).containsExactly("✘ FAILED", "✔ PASSED", "✔ PASSED");
        assertThat(page.text(rows("verdicts") + "[1]/td[4]")).contains("candidate onnx:examples/churn/candidate.onnx");
        assertThat(page.text(rows("verdicts") + "[1]/td[5]")).isEqualTo("2026-11-28 19:00:04 UTC");
        assertThat(page.text(rows("verdicts") + "[1]/td[6]")).isEqualTo("a11883935559");
        assertThat(page.texts(rows("verdicts") + "/td[2]/a/@href")).containsExactly("#report-1", "#report-2",
                "#report-3");
        assertThat(page.count("//section[@id='report-2' and @data-kind='promotion']")).isOne();
    }

    @Test
    void shouldBeSelfContained() {
        String html = HtmlReport.render(ReportFixtures.all());
        PageDocument page = PageDocument.parse(html);

        assertThat(page.count("//script | //link | //iframe | //img | //object | //embed")).isZero();
        assertThat(page.count("//@*[starts-with(name(), 'on')]")).isZero();
        assertThat(page.texts("//@href")).allMatch(href -> href.startsWith("#"));
        assertThat(page.text("//meta[@http-equiv='Content-Security-Policy']/@content")).startsWith(
                "default-src 'none'");
        assertThat(page.text("//style")).contains("@media print", "@media (max-width: 640px)", ".scroll");
        assertThat(html).doesNotContain("http://www.w3.org/1999", "url(");
    }

    @Test
    void shouldShowTheBenchmarkMetricsGatesLatencyAndSlices() {
        PageDocument page = page("benchmark.json");
        String section = "//section[@data-kind='benchmark']";

        assertThat(page.text(section + "/h2")).isEqualTo("1. benchmark ✘ FAILED");
        assertThat(page.texts(rows("metrics") + "/td[1]")).hasSize(12).startsWith("example_count",
                "accuracy_score");
        assertThat(page.texts(rows("metrics") + "[2]/td")).containsExactly("accuracy_score", "higher is better",
                "0.8177", "0.8530", "+0.0353", "+4.3%", "[+0.0240, +0.0470] (95%)", "0.0020", "0.0140", "yes",
                "bootstrap");
        assertThat(page.texts(rows("metrics") + "[4]/td[10]")).containsExactly("no");
        assertThat(page.texts(rows("gates") + "/td[1]")).containsExactly("✘ FAIL", "✘ FAIL");
        assertThat(page.texts(rows("gates") + "/td[2]")).containsExactly("recall_score", "latency");
        assertThat(page.texts(rows("latency") + "/td[1]")).containsExactly("champion", "candidate");
        assertThat(page.texts(rows("slices") + "/td[1]")).containsExactly("Male", "Female", "Two year", "One year",
                "Month-to-month");
        assertThat(page.text(rows("slices") + "[1]/td[4]")).isEqualTo("0.8498 (+0.0430)");
        assertThat(page.texts(section + "//h3")).contains("Gates (all must pass)", "Metrics", "Latency", "Slices",
                "Inputs");
    }

    @Test
    void shouldChartEachDifferenceWithItsInterval() {
        PageDocument page = page("benchmark.json");
        String chart = "//svg[contains(@class, 'deltas')]";

        assertThat(page.count(chart)).isOne();
        assertThat(page.texts(chart + "/g/text[@class='label']")).containsExactly("accuracy_score",
                "precision_score", "recall_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc");
        assertThat(page.count(chart + "/g/circle")).isEqualTo(7);
        assertThat(page.texts(chart + "/g[circle[@class='dot open']]/text[@class='label']"))
                .containsExactly("recall_score");
        assertThat(page.text(chart + "/g[text='log_loss']/text[@class='value']"))
                .isEqualTo("-0.0523 ✔ better, significant");
        assertThat(page.text(chart + "/g[text='recall_score']/title")).isEqualTo("recall_score: difference "
                + "+0.0090, interval [-0.0177, +0.0380], ✔ better, not significant");
        assertThat(page.count(chart + "/line[@class='zero']")).isOne();
    }

    @Test
    void shouldShowEveryRuleWithItsEvidenceFindingsAndWaivers() {
        PageDocument page = page("compliance.json");

        assertThat(page.texts(rows("rules") + "/td[1]")).containsExactly("✘ FAILED", "≈ WAIVED",
                "– NOT APPLICABLE", "– NOT APPLICABLE");
        assertThat(page.texts(rows("rules") + "/td[2]/strong")).containsExactly("card", "declared", "oversight",
                "oversight-us");
        assertThat(page.text(rows("rules") + "[1]/td[3]")).isEqualTo("modelCard");
        assertThat(page.text(rows("rules") + "[1]/td[5]")).isEqualTo("EU AI Act Annex IV(1)");
        String evidence = rows("rules") + "[2]/td[6]";
        assertThat(page.texts(evidence + "/div/dl/dt")).containsExactly("modelCard", "measuredBy", "tolerance",
                "compared", "unverified");
        assertThat(page.texts(evidence + "//table/tbody/tr/td[1]")).containsExactly("accuracy_score", "f1_score",
                "roc_auc");
        assertThat(page.text(rows("rules") + "[1]/td[6]")).contains("missing", "model_details.citation");
        assertThat(page.texts(rows("findings") + "/td")).containsExactly("card", "model_details.citation",
                "model-card.yaml has no field model_details.citation or leaves it empty");
        assertThat(page.texts(rows("waived") + "[1]/td")).containsExactly("declared", "f1_score",
                "f1_score: declared 0.7350, measured 0.7355 (difference 0.0005 > tolerance 1.0E-4)",
                "Rounded values in the card; reviewed by the board", "ethics-board", "2027-03-31");
        assertThat(page.texts("//h3")).contains("Waivers applied", "Expired waivers (not applied)",
                "Unused waivers (they covered no finding)", "Policies");
        assertThat(page.texts(rows("policies") + "/td[3]")).containsExactly(
                "c02cff7e11361f951c8a9676fdb1f9dd40476dd2dfc61a15a1731b1eec6c1d1f",
                "2aa104e2b3d77eca4a5ccff0e9fd1cc8dd9772332df23f3bbaff661ca5ccf1f8");
        assertThat(page.texts(rows("policies") + "/td[5]")).containsExactly("–",
                "the policy covers regions [us], not 'eu'");
        assertThat(page.text("//dl[@class='facts']/div[dt='Rules']/dd")).contains("✘ FAILED 1", "≈ WAIVED 1");
    }

    @Test
    void shouldShowThePromotionAsADiffWithAliasAndSync() {
        PageDocument page = page("promotion-argocd.json");

        assertThat(page.texts("//div[@class='diff']/div[@class='diff-file']")).containsExactly(
                "environments/staging/kustomization.yaml", "environments/staging/values.yaml");
        assertThat(page.texts("//div[@class='diff']/div[@class='diff-path']")).containsExactly(
                "images[registry.example.com/churn-model].newTag", "model.version");
        assertThat(page.texts("//div[@class='diff']//del")).containsExactly("v1", "1");
        assertThat(page.texts("//div[@class='diff']//ins")).containsExactly("v2", "2");
        assertThat(page.texts("//div[contains(@class, 'old')]/span[@class='sign']")).containsOnly("−");
        assertThat(page.text("//dl[@class='facts']/div[dt='Commit']/dd"))
                .isEqualTo("a251a1080700b84f0daf3c895a375139ec3dac3e (made by this run)");
        assertThat(page.text("//dl[@class='facts']/div[dt='Alias staging']/dd")).isEqualTo("1 → 2");
        assertThat(page.text("//dl[@class='facts']/div[dt='Synced and healthy']/dd")).isEqualTo("✔ yes");
        assertThat(page.text("//dl[@class='facts']/div[dt='Health']/dd")).isEqualTo("✔ Healthy");
        assertThat(page.text("//dl[@class='facts']/div[dt='Waited']/dd")).isEqualTo("4.2 s");
    }

    @Test
    void shouldSayWhenThePromotionHadNoAliasOrSync() {
        PageDocument page = page("promotion.json");

        assertThat(page.texts("//h3")).contains("Changes", "Timings").doesNotContain("Registry", "Argo CD sync",
                "Pull request");
    }

    @Test
    void shouldDrawTheTrafficTimelineAndEachCheckOfACanary() {
        PageDocument page = page("canary-promoted.json");
        String timeline = "//svg[contains(@class, 'timeline')]";

        assertThat(page.text("//dl[@class='facts']/div[dt='Outcome']/dd")).isEqualTo("✔ PROMOTED");
        assertThat(page.count(timeline + "/path[@class='traffic']")).isOne();
        assertThat(page.texts(timeline + "/text[@class='step-label']")).containsExactly("20%", "50%", "100%");
        assertThat(page.count(timeline + "/g[contains(@class, 'mark')]")).isEqualTo(5);
        assertThat(page.texts("//figure[@class='check']/figcaption/strong")).containsExactly(
                "request-success-rate", "model-accuracy");
        String accuracy = "//figure[@class='check'][figcaption/strong='model-accuracy']/svg";
        assertThat(page.count(accuracy + "/g[contains(@class, 'canary')]/circle")).isEqualTo(5);
        assertThat(page.count(accuracy + "/g[contains(@class, 'stable')]/rect")).isEqualTo(4);
        assertThat(page.text(accuracy + "/text[@class='threshold-label']")).isEqualTo("threshold >= 0.7");
        assertThat(page.texts(accuracy + "/g/text[@class='verdict']")).containsOnly("✔");
        assertThat(page.texts(rows("decisions") + "/td[4]")).hasSize(10).contains("request-success-rate",
                "model-accuracy");
        assertThat(page.texts(rows("steps") + "/td[2]")).containsExactly("20%", "50%", "100%");
        assertThat(page.texts("//h3")).doesNotContain("Rollback");
    }

    @Test
    void shouldShowTheFailingDecisionsAndTheRollbackOfACanary() {
        PageDocument page = page("canary-rolled-back-gitops.json");
        String timeline = "//svg[contains(@class, 'timeline')]";

        assertThat(page.text("//dl[@class='facts']/div[dt='Outcome']/dd")).isEqualTo("✘ ROLLED BACK");
        assertThat(page.text("//dl[@class='facts']/div[dt='Reason']/dd")).startsWith("2 failed analyses");
        assertThat(page.count(timeline + "/g[contains(@class, 'tone-bad')]/path[@class='marker']")).isEqualTo(2);
        assertThat(page.text(timeline + "/text[@class='step-label'][last()]")).isEqualTo("end 0%");
        assertThat(page.texts(rows("decisions") + "/td[9]")).containsExactly("✘ FAIL", "✔ PASS", "✘ FAIL",
                "? NO DATA");
        String rate = "//figure[@class='check'][figcaption/strong='request-success-rate']/svg";
        assertThat(page.texts(rate + "/g/text[@class='verdict']")).containsExactly("✘", "✘");
        assertThat(page.count(rate + "/line[@class='threshold']")).isOne();
        assertThat(page.text("//dl[@class='facts']/div[dt='Commit']/dd"))
                .isEqualTo("9f3c2a7d1e0b4c5a6d7e8f9a0b1c2d3e4f5a6b7c");
        assertThat(page.text("//dl[@class='facts']/div[dt='Alias']/dd")).isEqualTo("production: 8 → 7");
        assertThat(page.text("//dl[@class='facts']/div[dt='Traffic after']/dd")).isEqualTo("0%");
        assertThat(page.text("//dl[@class='facts']/div[dt='Rejected tag']/dd")).contains("canary 70");
    }

    @Test
    void shouldFlagADigestThatNoLongerMatchesTheContent() {
        JsonNode edited = ReportFixtures.read("promotion.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.get("results")).put("version", "3");

        PageDocument page = PageDocument.parse(HtmlReport.render(List.of(ReportFixtures.read("promotion.json"),
                edited)));

        assertThat(page.texts(rows("verdicts") + "/td[6]")).containsExactly("4a96b6d0495a",
                "4a96b6d0495a ⚠ MISMATCH");
        assertThat(page.texts("//dl[@class='facts']/div[dt='Digest']/dd")).satisfiesExactly(
                valid -> assertThat(valid).endsWith("✔ PASS matches the content"),
                invalid -> assertThat(invalid).contains("does not match the content"));
    }
}
