package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sbomLicenses}: every component of the CycloneDX SBOM has a license the policy accepts, e.g.
 * {@code {type: sbomLicenses, deny: [AGPL-3.0-only, SSPL-1.0]}} (see {@link LicensePolicy}). Each failing component
 * is one finding, keyed {@code group/name@version}.
 */
public final class SbomLicensesRule implements RuleType {
    static final String FAIL_ON_MISSING = "failOnMissing";

    @Override
    public String name() {
        return "sbomLicenses";
    }

    @Override
    public Set<String> fields() {
        return Set.of(LicensePolicy.DENY, LicensePolicy.ALLOW, FAIL_ON_MISSING);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        rule.requireAnyOf(fields());
        LicensePolicy.of(rule);
        rule.bool(FAIL_ON_MISSING, false);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        Optional<Path> file = evidence.sbom();
        if (file.isEmpty()) {
            return RuleCheck.notApplicable("No SBOM (CycloneDX JSON) was given.");
        }
        boolean failOnMissing = rule.bool(FAIL_ON_MISSING, false);
        CycloneDxSbom sbom = CycloneDxSbom.read(file.get());
        LicenseTally tally = new LicenseTally(sbom.components(), LicensePolicy.of(rule), failOnMissing);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", sbom.file().toString());
        facts.put("specVersion", sbom.specVersion());
        facts.putAll(tally.evidence());
        String name = sbom.file().getFileName().toString();
        String unlicensed = tally.unlicensed() == 0 ? ""
                : String.format(failOnMissing ? ", and %d declare no license" : "; %d declare no license (listed in "
                        + "the evidence)", tally.unlicensed());
        return RuleCheck.of(tally.findings(),
                String.format("None of the %d components in %s has a license the policy refuses%s.",
                        tally.components(), name, unlicensed),
                String.format("%d of the %d components in %s have a license the policy refuses%s.", tally.refused(),
                        tally.components(), name, unlicensed),
                facts);
    }
}
