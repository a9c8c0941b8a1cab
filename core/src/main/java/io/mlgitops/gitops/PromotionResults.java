package io.mlgitops.gitops;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results} of a promotion report (DESIGN §5): what changed where, in git and in the registry, and whether
 * Argo CD applied it. Also the record that {@code mlgitops rollback --record} undoes.
 *
 * @param operation       {@code promote} or {@code rollback}
 * @param model           registered model name
 * @param version         the promoted version (for a rollback: the version rolled back)
 * @param environment     the environment
 * @param mode            {@code push} or {@code pr}
 * @param promotionId     the {@code Promotion-Id} trailer of the commit
 * @param repository      the GitOps repository, without credentials
 * @param branch          the branch the commit went to
 * @param commit          the commit that holds the change (new, or found)
 * @param committed       whether this run made the commit
 * @param alreadyApplied  why no commit was needed: {@code promotion-id} (an earlier run made it), {@code values}
 *                        (the files already held the values), or {@code null}
 * @param attempts        push attempts
 * @param edits           every edited location with its value before and after
 * @param alias           the registry alias moved, or {@code null}
 * @param tags            registry tags set on the version
 * @param stage           the legacy stage set, or {@code null}
 * @param pullRequest     the pull request opened in {@code pr} mode, or {@code null}
 * @param sync            the Argo CD outcome when waited for, or {@code null}
 * @param timings         milliseconds per phase
 */
@JsonPropertyOrder({"operation", "model", "version", "environment", "mode", "promotionId", "repository", "branch",
        "commit", "committed", "alreadyApplied", "attempts", "edits", "alias", "tags", "stage", "pullRequest", "sync",
        "timings"})
public record PromotionResults(String operation, String model, String version, String environment, String mode,
        String promotionId, String repository, String branch, String commit, boolean committed,
        String alreadyApplied, int attempts, List<AppliedEdit> edits, AliasChange alias, Map<String, String> tags,
        String stage, PullRequestRecord pullRequest, SyncRecord sync, Map<String, Long> timings) {
    public PromotionResults {
        edits = List.copyOf(edits);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /**
     * An alias move.
     *
     * @param name   the alias
     * @param before the version it pointed at, {@code null} when it did not exist
     * @param after  the version it points at now, {@code null} when it was deleted
     */
    public record AliasChange(String name, String before, String after) {
    }

    /**
     * A pull request.
     *
     * @param url     its web address
     * @param number  its number
     * @param branch  its head branch
     * @param existed whether it was already open
     */
    public record PullRequestRecord(String url, long number, String branch, boolean existed) {
    }

    /**
     * What Argo CD reported.
     *
     * @param application the Application
     * @param synced      synced to our commit and healthy
     * @param syncStatus  Argo's sync status
     * @param health      Argo's health status
     * @param revision    the revision Argo reported last
     * @param messages    Argo's own messages
     * @param waitedMs    how long we waited
     */
    public record SyncRecord(String application, boolean synced, String syncStatus, String health, String revision,
            List<String> messages, long waitedMs) {
        public SyncRecord {
            messages = List.copyOf(messages);
        }
    }
}
