package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.registry.ModelVersion;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One registered model in memory, for tests of the promotion logic (the MLflow client has its own tests against a
 * real server).
 */
final class InMemoryRegistry implements ModelRegistry {
    private final String model;
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, String> stages = new HashMap<>();

    InMemoryRegistry(final String model, final String... versions) {
        this.model = model;
        for (String version : versions) {
            tags.put(version, new HashMap<>());
        }
    }

    InMemoryRegistry alias(final String alias, final String version) {
        aliases.put(alias, version);
        return this;
    }

    InMemoryRegistry tag(final String version, final String key, final String value) {
        tags.get(version).put(key, value);
        return this;
    }

    String aliasTarget(final String alias) {
        return aliases.get(alias);
    }

    Map<String, String> tagsOf(final String version) {
        return tags.get(version);
    }

    String stageOf(final String version) {
        return stages.get(version);
    }

    @Override
    public ModelVersion getVersion(final String name, final String version) throws InputException {
        if (!model.equals(name) || !tags.containsKey(version)) {
            throw new InputException("no version " + version + " of " + name);
        }
        List<String> pointing = aliases.entrySet().stream().filter(alias -> alias.getValue().equals(version))
                .map(Map.Entry::getKey).toList();
        return new ModelVersion(name, version, "models:/m-" + version, "run" + version, "READY", pointing,
                tags.get(version), 0);
    }

    @Override
    public ModelVersion getVersionByAlias(final String name, final String alias) throws InputException {
        String version = aliases.get(alias);
        if (version == null) {
            throw new AliasNotFoundException(name, alias, "Registered model alias " + alias + " not found.");
        }
        return getVersion(name, version);
    }

    @Override
    public Path download(final ModelVersion version, final Path cacheRoot) {
        throw new UnsupportedOperationException("promotions do not download models");
    }

    @Override
    public void setAlias(final String name, final String alias, final String version) {
        aliases.put(alias, version);
    }

    @Override
    public void deleteAlias(final String name, final String alias) {
        aliases.remove(alias);
    }

    @Override
    public void setVersionTag(final String name, final String version, final String key, final String value) {
        tags.get(version).put(key, value);
    }

    @Override
    public void deleteVersionTag(final String name, final String version, final String key) {
        tags.get(version).remove(key);
    }

    @Override
    public ModelVersion transitionStage(final String name, final String version, final String stage,
            final boolean archiveExistingVersions) throws InputException {
        stages.put(version, stage);
        return getVersion(name, version);
    }
}
