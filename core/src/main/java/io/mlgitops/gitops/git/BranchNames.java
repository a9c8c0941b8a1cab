package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/** Checks branch names before they reach a server. */
final class BranchNames {
    private BranchNames() {
    }

    static void check(final String branch) throws InputException {
        if (branch == null || branch.startsWith(Constants.R_REFS)
                || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new InputException("'" + branch + "' is not a valid branch name: give a short name like main or "
                    + "release/2024-06, without refs/heads/, spaces, '..', '~', '^', ':' or '?'.");
        }
    }
}
