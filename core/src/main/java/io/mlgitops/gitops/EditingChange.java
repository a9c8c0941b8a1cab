package io.mlgitops.gitops;

import java.util.List;

/** A tree change that edits manifests and remembers what its last attempt changed. */
interface EditingChange extends TreeChange {
    /** The locations of the last attempt, with their values before and after. */
    List<AppliedEdit> applied();
}
