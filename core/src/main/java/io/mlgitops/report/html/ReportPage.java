package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One self-contained HTML page for a set of reports: a header with every gate's verdict, then one section per report.
 * The page needs nothing but itself: inline CSS and SVG, no scripts, no external resources (its content security
 * policy forbids them), and it parses as XML as well as HTML.
 */
public final class ReportPage {
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final ReportSection section;

    /**
     * A page renderer.
     *
     * @param digestCheck whether a report's digest matches its content
     */
    public ReportPage(final Predicate<JsonNode> digestCheck) {
        section = new ReportSection(List.of(new BenchmarkSection(), new ComplianceSection(), new PromotionSection(),
                new CanarySection()), Objects.requireNonNull(digestCheck, "digestCheck"));
    }

    /** The page of these reports, in this order. */
    public String render(final List<JsonNode> reports) {
        List<ReportSummary> summaries = reports.stream().map(ReportSummary::of).toList();
        Markup page = new Markup().trusted("<!DOCTYPE html>\n");
        page.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .empty("meta", "http-equiv", "Content-Security-Policy", "content", POLICY)
                .element("title", "ML GitOps report: " + ReportSummary.overall(summaries))
                .open("style").trusted(Styles.css()).close("style").close("head");
        page.open("body");
        header(reports, summaries, page);
        page.open("main");
        for (int index = 0; index < reports.size(); index++) {
            section.render(index, reports.get(index), page);
        }
        page.close("main");
        page.open("footer").element("p", "Rendered by mlgitops from " + reports.size() + " JSON report"
                + (reports.size() == 1 ? "" : "s") + ". The page is self-contained: no scripts, no external "
                + "resources.").close("footer");
        return page.close("body").close("html").toString();
    }

    private void header(final List<JsonNode> reports, final List<ReportSummary> summaries, final Markup page) {
        String overall = ReportSummary.overall(summaries);
        page.open("header", "class", "page-header").element("h1", "ML GitOps release report");
        page.open("p", "class", "overall").text("Overall: ").append(Parts.badge(overall))
                .text(" " + summaries.size() + " gate run" + (summaries.size() == 1 ? "" : "s")).close("p");
        Table verdicts = new Table("verdicts", "#", "Gate", "Status", "Subject", "Finished", "Digest").numeric(0);
        for (int index = 0; index < summaries.size(); index++) {
            ReportSummary summary = summaries.get(index);
            Markup digest = Parts.code(Format.digestPrefix(summary.digest()));
            if (summary.digest() != null && !section.isValid(reports.get(index))) {
                digest.text(" ").append(Parts.badge("MISMATCH"));
            }
            verdicts.rowWithClass(Verdicts.tone(summary.status()).cssClass(), String.valueOf(index + 1),
                    new Markup().element("a", summary.kind(), "href", "#" + ReportSection.anchor(index)),
                    Parts.badge(summary.status()), summary.subject(), summary.finished(), digest);
        }
        verdicts.caption("Verdict of each gate");
        verdicts.render(page);
        page.close("header");
    }
}
