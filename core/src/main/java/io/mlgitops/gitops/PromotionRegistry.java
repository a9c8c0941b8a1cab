package io.mlgitops.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.registry.ModelVersion;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry side of promotions and rollbacks: whether a version may be promoted (not rejected, promoted to the
 * required environment long enough ago), where an alias points, and the alias and tag writes after a push.
 */
final class PromotionRegistry {
    static final String REJECTED = "mlgitops.rejected";
    static final String PROMOTED = "mlgitops.promoted.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final Clock clock;

    PromotionRegistry(final ModelRegistry registry, final Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    ModelVersion version(final String model, final String version) throws MlGitOpsException {
        return registry.getVersion(model, version);
    }

    /** Why the version may not be promoted, or empty when it may. */
    Optional<String> refusal(final ModelVersion version, final PromotionSettings settings) {
        String rejected = version.tags().get(REJECTED);
        if (rejected != null && !settings.allowRejected()) {
            return Optional.of(String.format("%s is tagged %s (%s). Promote another version, or pass "
                    + "--allow-rejected if the problem is solved.", version.uri(), REJECTED, rejected));
        }
        if (settings.requiresEnvironment() == null) {
            return Optional.empty();
        }
        Optional<Instant> promoted = promotedAt(version, settings.requiresEnvironment());
        if (promoted.isEmpty()) {
            return Optional.of(String.format("%s was never promoted to %s (no tag %s%s); promote it there first.",
                    version.uri(), settings.requiresEnvironment(), PROMOTED, settings.requiresEnvironment()));
        }
        Duration since = Duration.between(promoted.get(), clock.instant());
        if (settings.soak() != null && since.compareTo(settings.soak()) < 0) {
            return Optional.of(String.format("%s was promoted to %s %s ago; --soak requires %s. Try again after %s.",
                    version.uri(), settings.requiresEnvironment(), Durations.format(since),
                    Durations.format(settings.soak()), promoted.get().plus(settings.soak())));
        }
        return Optional.empty();
    }

    /** When the version was promoted to an environment, from its {@code mlgitops.promoted.ENV} tag. */
    static Optional<Instant> promotedAt(final ModelVersion version, final String environment) {
        String tag = version.tags().get(PROMOTED + environment);
        if (tag == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(tag);
            return Optional.of(Instant.parse(value.path("time").asText()));
        }
        catch (IOException | DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** The version an alias points at, or {@code null} when the alias does not exist. */
    String aliasTarget(final String model, final String alias) throws MlGitOpsException {
        try {
            return registry.getVersionByAlias(model, alias).version();
        }
        catch (AliasNotFoundException none) {
            return null;
        }
    }

    /** Points the alias at the version (or deletes it when {@code version} is null). */
    void moveAlias(final String model, final String alias, final String version) throws MlGitOpsException {
        if (version == null) {
            registry.deleteAlias(model, alias);
        }
        else {
            registry.setAlias(model, alias, version);
        }
    }

    /**
     * Records the promotion on the version ({@code mlgitops.promoted.ENV} with commit and time) and sets the extra
     * tags. A promoted tag that already names the commit is kept, so a rerun does not move its time.
     */
    Map<String, String> tagPromotion(final ModelVersion version, final String environment, final String commit,
            final Map<String, String> extraTags) throws MlGitOpsException {
        Map<String, String> tags = new LinkedHashMap<>();
        String key = PROMOTED + environment;
        String existing = version.tags().get(key);
        String value = existing != null && existing.contains(commit) ? existing
                : JSON.createObjectNode().put("commit", commit).put("time", clock.instant().toString()).toString();
        tags.put(key, value);
        tags.putAll(extraTags);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getValue().equals(version.tags().get(tag.getKey()))) {
                registry.setVersionTag(version.name(), version.version(), tag.getKey(), tag.getValue());
            }
        }
        return tags;
    }

    /** Tags a version as rejected, with the reason. */
    void reject(final String model, final String version, final String reason) throws MlGitOpsException {
        registry.setVersionTag(model, version, REJECTED, reason);
    }

    ModelVersion transitionStage(final String model, final String version, final String stage)
            throws MlGitOpsException {
        return registry.transitionStage(model, version, stage, false);
    }
}
