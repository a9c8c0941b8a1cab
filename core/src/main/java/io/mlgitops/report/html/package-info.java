/**
 * Reports as one self-contained HTML page (DESIGN §5): page layout ({@link io.mlgitops.report.html.ReportPage}),
 * escaping ({@link io.mlgitops.report.html.Html}), SVG charts, and one section renderer per report kind. Works on the
 * JSON documents, so it renders any report file, including those of older versions and unknown kinds.
 */
package io.mlgitops.report.html;
