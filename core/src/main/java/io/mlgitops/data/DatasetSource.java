package io.mlgitops.data;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Set;

/** Reads a data set when it is needed, so that reading can overlap other work. */
@FunctionalInterface
public interface DatasetSource {
    /**
     * @param columns the columns the caller needs; empty means every column
     * @throws MlGitOpsException naming the file and the fix when it cannot be read or lacks a needed column
     */
    Dataset read(Set<String> columns) throws MlGitOpsException;
}
