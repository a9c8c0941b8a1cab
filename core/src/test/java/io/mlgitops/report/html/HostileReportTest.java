package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.testing.ReportFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of every kind of report holds markup ({@link ReportFixtures#HOSTILE}: a script element, quotes, an
 * ampersand, a closing SVG tag, an image with an event handler): the page shows it as text everywhere, in element
 * text, attributes and SVG, and the page's structure stays what the renderer wrote.
 */
class HostileReportTest {
    private static final String SHOWN = ReportFixtures.HOSTILE;
    private static String html;
    private static PageDocument page;

    @BeforeAll
    static void render() {
        List<JsonNode> reports = new ArrayList<>();
        ReportFixtures.all().forEach(report -> reports.add(ReportFixtures.hostile(report)));
        ObjectNode unknown = new ObjectMapper().createObjectNode().put("schemaVersion", 1)
                .put("kind", "drift" + SHOWN).put("status", "PASSED" + SHOWN);
        unknown.putObject("results").put("field" + SHOWN, SHOWN).putArray("list" + SHOWN).add(SHOWN);
        reports.add(unknown);
        html = HtmlReport.render(reports);
        page = PageDocument.parse(html);
    }

    @Test
    void shouldNeverLetMarkupThrough() {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "javascript:x)\"");
        assertThat(page.count("//script | //img")).isZero();
        assertThat(page.count("//@*[starts-with(name(), 'on')]")).isZero();
        assertThat(count(html, "</svg>")).isEqualTo(count(html, "<svg ")).isEqualTo(page.count("//svg"));
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; "
                + "&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void shouldShowTheNamesAsTextInEveryKind() {
        for (String kind : List.of("benchmark", "compliance", "promotion", "canary")) {
            assertThat(page.count("//section[@data-kind='" + kind + "']//text()[contains(., '" + "</svg><img"
                    + "')]")).as(kind).isGreaterThan(5);
        }
        String section = "//section[@data-kind='benchmark'][1]";
        assertThat(page.texts(section + "//table[@class='metrics']/tbody/tr/td[1]")).allMatch(name ->
                name.endsWith(strip(SHOWN)));
        assertThat(page.texts("//section[@data-kind='compliance']//table[@class='rules']/tbody/tr/td[2]/strong"))
                .allMatch(id -> id.endsWith(strip(SHOWN)));
        assertThat(page.texts("//section[@data-kind='promotion']//div[@class='diff-file']"))
                .allMatch(file -> file.endsWith(strip(SHOWN)));
        assertThat(page.texts("//figure[@class='check']/figcaption/strong"))
                .allMatch(check -> check.endsWith(strip(SHOWN)));
    }

    @Test
    void shouldEscapeInsideSvgTextAndAttributes() {
        assertThat(page.texts("//svg[contains(@class, 'deltas')]/g/title")).isNotEmpty()
                .allMatch(title -> title.contains("<script>alert(\"x\")</script>"));
        assertThat(page.texts("//svg[contains(@class, 'check')]/@aria-label")).isNotEmpty()
                .allMatch(label -> label.contains("</svg><img src=x onerror=alert(1)>"));
        assertThat(page.texts("//svg[contains(@class, 'timeline')]/g/title")).isNotEmpty()
                .allMatch(title -> title.contains("& 'q'"));
        assertThat(page.texts("//table[@class='slices']//span[@title]/@title")).isNotEmpty();
    }

    @Test
    void shouldShowUnknownKindsAndFieldsGenerically() {
        String unknown = "//section[@id='report-8']";
        assertThat(page.text(unknown + "/h2")).contains("drift" + strip(SHOWN));
        assertThat(page.texts(unknown + "//dl[@class='json']/dt")).contains("field" + SHOWN, "list" + SHOWN);
        assertThat(page.texts("//section[@data-kind='benchmark']//h3")).contains("Other result fields",
                "Other fields");
        assertThat(page.texts("//section[@data-kind='benchmark']/dl[@class='json']/dt")).contains("extra" + SHOWN);
    }

    private static String strip(final String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static int count(final String text, final String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
