package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

/**
 * Someone else set a value this promotion also sets, to something else, after it was read: the promotion stops
 * instead of overwriting it. The message names the file, the path and both values.
 */
public class ConflictException extends MlGitOpsException {
    private static final long serialVersionUID = 1L;

    public ConflictException(final String message) {
        super(message);
    }
}
