package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.security.SpdxExpression.All;
import io.mlgitops.compliance.security.SpdxExpression.Any;
import io.mlgitops.compliance.security.SpdxExpression.License;
import io.mlgitops.compliance.security.SpdxExpression.UnknownLicense;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which licenses a {@code sbomLicenses} rule accepts: none in {@code deny}, and, when {@code allow} is given, only
 * those in it. An OR is acceptable when any branch is, an AND when every term is. Ids compare in any letter case, and
 * the GNU ids compare with their deprecated spellings ({@code GPL-2.0} is {@code GPL-2.0-only}, {@code GPL-2.0+} is
 * {@code GPL-2.0-or-later}). {@code X+} is acceptable when the allow list names X itself. A license with an
 * exception is judged as {@code X WITH E} when a list names that, else as X.
 */
final class LicensePolicy {
    static final String DENY = "deny";
    static final String ALLOW = "allow";
    /** GNU licenses, whose versions SPDX spells with -only and -or-later. */
    private static final Pattern GNU = Pattern.compile("(a|l)?gpl-\\d\\.\\d|gfdl-1\\.[123](-(no-)?invariants)?");
    private static final String ONLY = "-only";
    private static final String OR_LATER = "-or-later";

    private final Set<String> denied;
    private final Set<String> allowed;
    private final boolean hasAllowList;

    private LicensePolicy(final Set<String> denied, final Set<String> allowed, final boolean hasAllowList) {
        this.denied = denied;
        this.allowed = allowed;
        this.hasAllowList = hasAllowList;
    }

    /** Reads and checks the rule's {@code deny} and {@code allow} lists. */
    static LicensePolicy of(final RuleFields rule) throws InputException {
        Set<String> denied = forms(rule, DENY);
        Set<String> allowed = forms(rule, ALLOW);
        for (String license : denied) {
            if (allowed.contains(license)) {
                throw rule.invalid(ALLOW, "names " + license + ", which deny names too");
            }
        }
        return new LicensePolicy(denied, allowed, rule.has(ALLOW));
    }

    private static Set<String> forms(final RuleFields rule, final String field) throws InputException {
        Set<String> forms = new LinkedHashSet<>();
        for (String entry : rule.strings(field)) {
            SpdxExpression parsed;
            try {
                parsed = SpdxExpressionParser.parse(entry);
            }
            catch (ParseException invalid) {
                throw rule.invalid(field, String.format("'%s' is not an SPDX license id (%s)", entry,
                        invalid.getMessage()));
            }
            if (!(parsed instanceof License license)) {
                throw rule.invalid(field, "'" + entry + "' is an expression; list single license ids, each "
                        + "optionally WITH an exception");
            }
            if (SpdxLicenseIds.find(license.id()).isEmpty()) {
                throw rule.invalid(field, "'" + license.id() + "' is not an SPDX license id (see "
                        + "https://spdx.org/licenses/); name a custom license LicenseRef-<name>");
            }
            forms.add(form(license));
        }
        return forms;
    }

    /** Why the expression is not acceptable, one entry per offending license; empty when it is acceptable. */
    List<String> problems(final SpdxExpression expression) {
        if (expression instanceof License license) {
            return problem(license).map(List::of).orElse(List.of());
        }
        if (expression instanceof UnknownLicense unknown) {
            return hasAllowList ? List.of(unknown.text() + " is not an SPDX license id, so not in the allow list")
                    : List.of();
        }
        List<List<String>> termProblems = new ArrayList<>();
        for (SpdxExpression term : terms(expression)) {
            termProblems.add(problems(term));
        }
        boolean acceptable = expression instanceof Any ? termProblems.stream().anyMatch(List::isEmpty)
                : termProblems.stream().allMatch(List::isEmpty);
        return acceptable ? List.of() : termProblems.stream().flatMap(List::stream).distinct().toList();
    }

    private static List<SpdxExpression> terms(final SpdxExpression expression) {
        return expression instanceof All all ? all.terms() : ((Any) expression).terms();
    }

    private Optional<String> problem(final License license) {
        Spelling spelling = Spelling.of(license.id(), license.orLater());
        List<String> versions = spelling.orLater() ? List.of(spelling.form(), spelling.thisVersion())
                : List.of(spelling.form());
        List<String> withException = license.exception().isEmpty() ? List.of() : versions.stream()
                .map(version -> version + " with " + license.exception().toLowerCase(Locale.ROOT)).toList();
        boolean exceptionAllowed = withException.stream().anyMatch(allowed::contains);
        if (!withException.isEmpty() && denied.contains(withException.get(0))
                || denied.contains(spelling.form()) && !exceptionAllowed) {
            return Optional.of(license.text() + " is denied");
        }
        if (!hasAllowList || exceptionAllowed || versions.stream().anyMatch(allowed::contains)) {
            return Optional.empty();
        }
        return Optional.of(license.text() + " is not in the allow list");
    }

    /** The comparable form of a license named in a policy list. */
    private static String form(final License license) {
        String form = Spelling.of(license.id(), license.orLater()).form();
        return license.exception().isEmpty() ? form : form + " with " + license.exception().toLowerCase(Locale.ROOT);
    }

    /** The comparable spelling of a license id: GNU ids with -only or -or-later, others "or later" with a +. */
    private record Spelling(String base, boolean orLater, boolean gnuStyle) {
        static Spelling of(final String id, final boolean orLater) {
            String base = id.toLowerCase(Locale.ROOT);
            if (base.endsWith(OR_LATER)) {
                return new Spelling(base.substring(0, base.length() - OR_LATER.length()), true, true);
            }
            if (base.endsWith(ONLY)) {
                return new Spelling(base.substring(0, base.length() - ONLY.length()), orLater, true);
            }
            return new Spelling(base, orLater, GNU.matcher(base).matches());
        }

        String form() {
            if (gnuStyle) {
                return base + (orLater ? OR_LATER : ONLY);
            }
            return base + (orLater ? "+" : "");
        }

        /** The version named, without "or later". */
        String thisVersion() {
            return new Spelling(base, false, gnuStyle).form();
        }
    }
}
