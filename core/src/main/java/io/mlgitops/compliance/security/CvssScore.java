package io.mlgitops.compliance.security;

/**
 * The CVSS base score chosen for a vulnerability.
 *
 * @param value  the base score, 0 to 10
 * @param source where it came from, e.g. {@code nvd V3} (Trivy) or {@code nvd@nist.gov CVSS 3.1} (Grype)
 */
record CvssScore(double value, String source) {
}
