package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.MarkdownReport;
import io.mlgitops.testing.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSummaryTest {
    private static String summary(final List<JsonNode> reports) {
        return MarkdownReport.render(reports);
    }

    @Test
    void shouldGiveTheVerdictPerGateAndTheKeyRows() {
        String markdown = summary(ReportFixtures.all());

        assertThat(markdown).startsWith("## ML GitOps report: ❌ FAILED\n\n| # | Gate | Status | Subject |");
        assertThat(markdown).contains("| 1 | benchmark | ❌ FAILED | candidate onnx:examples/churn/candidate.onnx, "
                + "champion onnx:examples/churn/champion.onnx | 2026-11-28 19:00:04 UTC | `a11883935559` |");
        assertThat(markdown).contains("- ❌ FAIL recall\\_score candidate 0.6919 vs champion 0.6828",
                "| accuracy\\_score | 0.8177 | 0.8530 | +0.0353 | \\[+0.0240, +0.0470\\] | 0.0140 | **yes** |");
        assertThat(markdown).contains("**Rules**: 0 passed, 1 failed, 1 waived, 2 not applicable, 0 error",
                "| ❌ FAILED | card | modelCard |",
                "- **card** model-card.yaml has no field model\\_details.citation or leaves it empty",
                "approved by ethics-board until 2027-03-31", "- expired waiver of rule card (bob, 2020-01-01)");
        assertThat(markdown).contains("| environments/staging/values.yaml | model.version | 1 | 2 |",
                "- alias staging: 1 → 2", "- Argo CD churn-staging: ✅ PASS Synced, Healthy");
        assertThat(markdown).contains("**✅ PROMOTED**: every step passed its analysis",
                "Steps: 20% → 50% → 100%; final weight 100%", "10 decisions, all passed.");
        assertThat(markdown).contains("**❌ ROLLED BACK**: 2 failed analyses",
                "| request-success-rate | 71.43 | 100 | \\>= 99 | ❌ FAIL |",
                "Rollback: traffic 0%, commit `9f3c2a7d1e0b`, alias production 8 → 7");
    }

    @Test
    void shouldEscapeEveryValue() {
        List<JsonNode> reports = ReportFixtures.all().stream().map(ReportFixtures::hostile).toList();

        String markdown = summary(reports);

        String unescaped = markdown.replaceAll("\\\\.", "");
        assertThat(unescaped).doesNotContain("<", ">", "](", "*b*", "$", "@", "&");
        assertThat(markdown).contains("\\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\</svg\\>",
                "\\| \\*b\\* \\[l\\](javascript:x) \\$m\\$ \\@team");
        for (String line : markdown.lines().filter(line -> line.startsWith("| ")).toList()) {
            String header = markdown.lines().filter(candidate -> candidate.startsWith("| "))
                    .filter(candidate -> markdown.indexOf(candidate) <= markdown.indexOf(line))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(cells(line)).as(line).isEqualTo(cells(header));
        }
        assertThat(markdown).contains("⚠️ does not match the content");
    }

    /** The number of cells of a table line: pipes that are not escaped. */
    private static long cells(final String line) {
        return line.replace("\\|", "").chars().filter(character -> character == '|').count();
    }
}
