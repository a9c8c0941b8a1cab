package io.mlgitops.compliance.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rule type {@code featureDenylist}: no model input column may be named after a special category of personal data
 * (GDPR Art. 9(1)) or a prohibited basis of credit decisions (ECOA, Regulation B), or after a term of the policy's
 * own deny list. Names are compared word by word ({@link DenyTerm}); columns the policy allows are exempt.
 */
public final class FeatureDenylistRule implements RuleType {
    private static final String DENY = "deny";
    private static final String DEFAULTS = "defaults";
    private static final String ALLOW = "allow";
    private static final String POLICY_CITATION = "the policy's deny list";
    private static final List<String> DEFAULT_LAWS = List.of("gdpr", "ecoa");

    @Override
    public String name() {
        return "featureDenylist";
    }

    @Override
    public Set<String> fields() {
        return Set.of(DENY, DEFAULTS, ALLOW);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        terms(rule);
        rule.strings(ALLOW);
    }

    /** The built-in terms {@code defaults} selects, followed by the policy's. */
    private static List<DenyTerm> terms(final RuleFields rule) throws InputException {
        List<DenyTerm> terms = new ArrayList<>(defaults(rule));
        for (String term : rule.strings(DENY)) {
            DenyTerm denied = DenyTerm.of(term, POLICY_CITATION);
            if (denied.words().isEmpty()) {
                throw rule.invalid(DENY, "term '" + term + "' has no letters or digits to match");
            }
            terms.add(denied);
        }
        if (terms.isEmpty()) {
            throw rule.invalid(DEFAULTS, "is false and the rule lists no deny terms, so nothing would be checked");
        }
        return terms;
    }

    /**
     * {@code true} (or absent): every built-in term; {@code gdpr} or {@code ecoa}: the terms of that law only, so a
     * GDPR policy does not flag sex or age, which Art. 9 does not list; {@code false}: none.
     */
    private static List<DenyTerm> defaults(final RuleFields rule) throws InputException {
        Optional<JsonNode> value = rule.node(DEFAULTS);
        if (value.isEmpty() || value.get().isBoolean()) {
            return rule.bool(DEFAULTS, true) ? DefaultDenyTerms.all() : List.of();
        }
        String law = rule.choice(DEFAULTS, DEFAULT_LAWS.get(0), DEFAULT_LAWS);
        String citation = law.equals("gdpr") ? DefaultDenyTerms.GDPR : "ECOA";
        return DefaultDenyTerms.all().stream().filter(term -> term.citation().contains(citation)).toList();
    }

    private static String defaultsText(final RuleFields rule) {
        return rule.node(DEFAULTS).map(JsonNode::asText).orElse("true");
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws InputException {
        List<String> features = evidence.features();
        if (features.isEmpty()) {
            return RuleCheck.notApplicable("No model inputs are known: give the features, a model that names its "
                    + "inputs, or a data set.");
        }
        List<DenyTerm> terms = terms(rule);
        Set<String> allowed = Set.copyOf(rule.strings(ALLOW));
        List<Map<String, Object>> matches = new ArrayList<>();
        List<Map<String, Object>> exempted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String feature : features) {
            List<String> words = NameTokens.of(feature);
            List<DenyTerm> matched = terms.stream().filter(term -> term.matches(words)).toList();
            matched.forEach(term -> (allowed.contains(feature) ? exempted : matches).add(match(feature, term)));
            if (!matched.isEmpty() && !allowed.contains(feature)) {
                findings.add(finding(feature, matched));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("features", features);
        details.put("featuresOrigin", evidence.featuresOrigin());
        details.put("defaults", defaultsText(rule));
        details.put("deny", rule.strings(DENY));
        details.put("termsChecked", terms.size());
        details.put("allow", rule.strings(ALLOW));
        details.put("matches", matches);
        details.put("allowedMatches", exempted);
        String passed = String.format("None of the %d model inputs (from %s) matches the %d denied terms%s.",
                features.size(), evidence.featuresOrigin(), terms.size(),
                exempted.isEmpty() ? "" : ", apart from allowed columns");
        String failed = String.format("%d of the %d model inputs (from %s) match denied terms: %s.", findings.size(),
                features.size(), evidence.featuresOrigin(),
                findings.stream().map(Finding::key).collect(Collectors.joining(", ")));
        return RuleCheck.of(findings, passed, failed, details);
    }

    private static Map<String, Object> match(final String column, final DenyTerm term) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("column", column);
        match.put("term", term.term());
        match.put("citation", term.citation());
        return match;
    }

    private static Finding finding(final String column, final List<DenyTerm> terms) {
        return new Finding(column, String.format("Model input '%s' matches %s. Remove it from the model's inputs, "
                + "or list it under allow if the name does not mean that.", column, terms.stream()
                .map(term -> "'" + term.term() + "' (" + term.citation() + ")").collect(Collectors.joining(", "))));
    }
}
