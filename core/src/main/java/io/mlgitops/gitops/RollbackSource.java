package io.mlgitops.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which promotion a rollback undoes: the one a promotion record describes, or the latest one found in git history. */
public sealed interface RollbackSource {
    /**
     * The promotion of a record written by {@code mlgitops promote --report}.
     *
     * @param model       the model
     * @param version     the version promoted
     * @param environment the environment
     * @param branch      the branch it went to
     * @param promotionId its {@code Promotion-Id}
     * @param edits       what it changed
     * @param alias       the alias it moved, or {@code null}
     */
    record Recorded(String model, String version, String environment, String branch, String promotionId,
            List<AppliedEdit> edits, PromotionResults.AliasChange alias) implements RollbackSource {
        public Recorded {
            edits = List.copyOf(edits);
        }
    }

    /**
     * The latest promotion of a model to an environment, read from the commits of the branch.
     *
     * @param model       the model
     * @param environment the environment
     */
    record Previous(String model, String environment) implements RollbackSource {
        public Previous {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * Reads a promotion record.
     *
     * @param file where it came from, for messages
     * @throws InputException naming the file and the missing or wrong field
     */
    static Recorded fromRecord(final JsonNode report, final String file) throws InputException {
        if (!PromotionRecorder.KIND.equals(report.path("kind").asText())) {
            throw new InputException(file + " is not a promotion record (kind is '" + report.path("kind").asText()
                    + "'). Pass the --report file of mlgitops promote.");
        }
        JsonNode results = report.path("results");
        if (!"promote".equals(results.path("operation").asText())) {
            throw new InputException(file + " records a " + results.path("operation").asText() + ", not a promotion; "
                    + "only promotions can be rolled back.");
        }
        if (!results.path("commit").isTextual()) {
            throw new InputException(file + " records a promotion that made no commit (status "
                    + report.path("status").asText() + "); there is nothing to roll back.");
        }
        List<AppliedEdit> edits = new ArrayList<>();
        for (JsonNode edit : results.path("edits")) {
            edits.add(new AppliedEdit(text(edit, "file", file), text(edit, "path", file), nullable(edit, "before"),
                    nullable(edit, "after"), nullable(edit, "beforeSource")));
        }
        JsonNode alias = results.path("alias");
        PromotionResults.AliasChange aliasChange = alias.isObject()
                ? new PromotionResults.AliasChange(text(alias, "name", file), nullable(alias, "before"),
                        nullable(alias, "after"))
                : null;
        return new Recorded(text(results, "model", file), text(results, "version", file),
                text(results, "environment", file), text(results, "branch", file),
                text(results, "promotionId", file), edits, aliasChange);
    }

    private static String text(final JsonNode node, final String field, final String file) throws InputException {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new InputException(file + ": field '" + field + "' of the promotion record is missing. Pass an "
                    + "unmodified --report file of mlgitops promote.");
        }
        return value.asText();
    }

    private static String nullable(final JsonNode node, final String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
