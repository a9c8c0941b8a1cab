package io.mlgitops.gitops;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a promotion does, validated. Text values may hold {@code {{model}}}, {@code {{version}}},
 * {@code {{environment}}} and {@code {{alias}}}.
 *
 * @param model               registered model name
 * @param version             the version to promote
 * @param environment         the target environment
 * @param branch              the branch Argo CD or Flux watches
 * @param edits               the manifest edits
 * @param pullRequest         open a pull request instead of pushing to the branch
 * @param pullRequestBranch   head branch name template of a pull request
 * @param alias               the registry alias to move to the version after the push, or {@code null}
 * @param tags                extra registry tags to set on the version
 * @param stage               the legacy registry stage to set (deprecated in MLflow 2.9), or {@code null}
 * @param requiresEnvironment an environment the version must have been promoted to first, or {@code null}
 * @param soak                how long ago at least that promotion must have been, or {@code null}
 * @param allowRejected       promote even a version tagged {@code mlgitops.rejected}
 * @param syncApplication     the Argo CD Application to wait for, or {@code null}
 * @param syncTimeout         how long to wait for it
 * @param promotionId         the {@code Promotion-Id}, or {@code null} for the default hash
 * @param messageTemplate     the commit subject template
 * @param authorName          the commit author's name
 * @param authorEmail         the commit author's e-mail
 * @param buildUrl            the {@code Build-Url} trailer, or {@code null}
 * @param reportDigest        the {@code Report-Digest} trailer (e.g. of the benchmark report), or {@code null}
 */
public record PromotionSettings(String model, String version, String environment, String branch,
        List<ManifestEdit> edits, boolean pullRequest, String pullRequestBranch, String alias,
        Map<String, String> tags, String stage, String requiresEnvironment, Duration soak, boolean allowRejected,
        String syncApplication, Duration syncTimeout, String promotionId, String messageTemplate, String authorName,
        String authorEmail, String buildUrl, String reportDigest) {
    public static final String DEFAULT_MESSAGE = "Promote {{model}} {{version}} to {{environment}}";
    public static final String DEFAULT_PULL_REQUEST_BRANCH = "mlgitops/{{environment}}/{{model}}-{{version}}";
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofMinutes(10);

    public PromotionSettings {
        requireText(model, "model");
        requireText(version, "version");
        requireText(environment, "environment");
        requireText(branch, "branch");
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("A promotion needs at least one edit (--set-image or --set)");
        }
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (soak != null && requiresEnvironment == null) {
            throw new IllegalArgumentException("--soak needs --requires ENVIRONMENT");
        }
        if (soak != null && soak.isNegative()) {
            throw new IllegalArgumentException("--soak must not be negative");
        }
        if (syncApplication != null && pullRequest) {
            throw new IllegalArgumentException("--wait-for-sync cannot be used with --mode pr: nothing is applied "
                    + "before the pull request is merged");
        }
        Objects.requireNonNull(syncTimeout, "syncTimeout");
        requireText(messageTemplate, "message template");
        requireText(pullRequestBranch, "pull request branch");
        requireText(authorName, "author name");
        requireText(authorEmail, "author e-mail");
        if (promotionId != null && (promotionId.isBlank() || promotionId.contains("\n"))) {
            throw new IllegalArgumentException("--promotion-id must be one line of text");
        }
    }

    private static void requireText(final String value, final String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A promotion needs a " + what);
        }
    }

    /** The template values of this promotion. */
    public Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("model", model);
        values.put("version", version);
        values.put("environment", environment);
        values.put("alias", alias == null ? "" : alias);
        return values;
    }
}
