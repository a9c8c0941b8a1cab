package io.mlgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.ReportPage;

import java.util.List;

/**
 * Reports as one self-contained HTML page (DESIGN §5), used by the command line and the Jenkins build page alike. It
 * works on the JSON documents, so it renders any report file, also those written by older versions or of kinds it
 * does not know; every value is escaped, and the page needs no scripts and no network.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page of these reports, in this order, with a header holding the verdict of each gate. */
    public static String render(final List<JsonNode> reports) {
        ReportJson json = new ReportJson();
        return new ReportPage(json::hasValidDigest).render(reports);
    }
}
