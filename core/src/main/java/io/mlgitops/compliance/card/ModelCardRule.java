package io.mlgitops.compliance.card;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code modelCard}: the model card holds every required field. A requirement is a dotted path into the card
 * ({@code model_details.owners.name}) or, for a Hugging Face README, {@code section:TITLE} for a Markdown section that
 * is not left empty; alternatives separated by {@code |} let one requirement fit both card formats
 * ({@code considerations.limitations|section:Bias, Risks, and Limitations}).
 */
public final class ModelCardRule implements RuleType {
    static final String SECTION = "section:";
    private static final String REQUIRE = "require";

    @Override
    public String name() {
        return "modelCard";
    }

    @Override
    public Set<String> fields() {
        return Set.of(REQUIRE);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        for (String requirement : rule.requiredStrings(REQUIRE)) {
            for (String alternative : requirement.split("\\|", -1)) {
                String path = alternative.startsWith(SECTION) ? alternative.substring(SECTION.length()) : alternative;
                if (path.isBlank() || (!alternative.startsWith(SECTION)
                        && (path.startsWith(".") || path.endsWith(".") || path.contains("..")))) {
                    throw rule.invalid(REQUIRE, "'" + alternative + "' in '" + requirement + "' is neither a dotted "
                            + "field path (model_details.name) nor section:TITLE");
                }
            }
        }
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws InputException {
        Optional<Path> file = evidence.modelCard();
        if (file.isEmpty()) {
            return RuleCheck.notApplicable("No model card was given (--model-card).");
        }
        ModelCard card = ModelCard.read(file.get());
        List<String> present = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String requirement : rule.strings(REQUIRE)) {
            if (satisfied(card, requirement)) {
                present.add(requirement);
            }
            else {
                findings.add(new Finding(requirement, card.file().getFileName() + " has no " + describe(requirement)
                        + " or leaves it empty"));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", card.file().toString());
        details.put("format", card.format());
        details.put("present", present);
        details.put("missing", findings.stream().map(Finding::key).toList());
        return RuleCheck.of(findings,
                String.format("The model card has all %d required fields.", present.size()),
                String.format("The model card lacks %d of %d required fields: %s.", findings.size(),
                        findings.size() + present.size(), String.join(", ", findings.stream().map(Finding::key)
                                .toList())), details);
    }

    private static boolean satisfied(final ModelCard card, final String requirement) {
        for (String alternative : requirement.split("\\|")) {
            boolean found = alternative.startsWith(SECTION)
                    ? card.hasSection(alternative.substring(SECTION.length()))
                    : card.hasField(alternative);
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static String describe(final String requirement) {
        return String.join(" nor ", Arrays.stream(requirement.split("\\|"))
                .map(alternative -> alternative.startsWith(SECTION)
                        ? "section '" + alternative.substring(SECTION.length()) + "'"
                        : "field " + alternative)
                .toList());
    }
}
