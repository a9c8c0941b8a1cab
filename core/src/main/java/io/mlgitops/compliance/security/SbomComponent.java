package io.mlgitops.compliance.security;

import java.util.Optional;

/**
 * A component of a CycloneDX SBOM and its license.
 *
 * @param key     {@code group/name@version}, without the parts the SBOM does not give: what a waiver names
 * @param purl    its package URL, empty when the SBOM gives none
 * @param path    where it is in the SBOM, e.g. {@code components[3].components[0]}
 * @param license its licenses as one expression (several entries are joined with AND); empty when it has none
 */
record SbomComponent(String key, String purl, String path, Optional<SpdxExpression> license) {
}
