package io.mlgitops.registry;

import io.mlgitops.api.errors.InputException;

/**
 * The registered model exists but has no version under the alias: for a champion, this means there is none yet.
 */
public class AliasNotFoundException extends InputException {
    private static final long serialVersionUID = 1L;

    private final String model;
    private final String alias;

    public AliasNotFoundException(final String model, final String alias, final String message) {
        super(message);
        this.model = model;
        this.alias = alias;
    }

    public String model() {
        return model;
    }

    public String alias() {
        return alias;
    }
}
