package io.jenkins.plugins.mlgitops.steps;

import hudson.model.Describable;
import io.jenkins.plugins.mlgitops.steps.engine.EditSpec;

import java.io.Serializable;

/**
 * An entry of {@code mlPromote}'s {@code edits}: {@code setImage(...)} or {@code setValue(...)}. Each kind has its own
 * descriptor with a {@code @Symbol}, so Pipeline scripts write the symbol and the Snippet Generator offers both.
 */
public abstract class ManifestEditBlock implements Describable<ManifestEditBlock>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The edit for the engine request. */
    abstract EditSpec toSpec();
}
