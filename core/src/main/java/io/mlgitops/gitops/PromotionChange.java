package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tree change of a promotion: applies the manifest edits to whatever the branch tip holds, on every push
 * attempt. The values found at the first attempt are remembered; when a later attempt finds a location changed to a
 * third value (neither what we read nor what we set), somebody else promoted something else there, and the change
 * stops with a {@link ConflictException} instead of overwriting it.
 */
final class PromotionChange implements EditingChange {
    private final Map<String, List<ManifestEdit>> editsByFile;
    private final Map<String, String> firstSeen = new HashMap<>();
    private List<AppliedEdit> lastApplied = List.of();

    /** @param edits rendered edits, applied per file in the given order */
    PromotionChange(final List<ManifestEdit> edits) {
        Map<String, List<ManifestEdit>> byFile = new LinkedHashMap<>();
        for (ManifestEdit edit : edits) {
            byFile.computeIfAbsent(edit.file(), file -> new ArrayList<>()).add(edit);
        }
        this.editsByFile = byFile;
    }

    @Override
    public synchronized Map<String, byte[]> apply(final RepositoryFiles tip) throws MlGitOpsException {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        List<AppliedEdit> applied = new ArrayList<>();
        for (Map.Entry<String, List<ManifestEdit>> file : editsByFile.entrySet()) {
            byte[] content = tip.read(file.getKey()).orElseThrow(() -> new InputException(String.format(
                    "%s does not exist on the branch (commit %s). Check the path: it is relative to the repository "
                            + "root.", file.getKey(), abbreviate(tip.commit()))));
            EditedFile edited = ManifestEditor.apply(file.getKey(), content, file.getValue());
            for (AppliedEdit edit : edited.edits()) {
                checkConflict(edit, tip.commit());
            }
            applied.addAll(edited.edits());
            if (!Arrays.equals(content, edited.content())) {
                changed.put(file.getKey(), edited.content());
            }
        }
        lastApplied = List.copyOf(applied);
        return changed;
    }

    private void checkConflict(final AppliedEdit edit, final String commit) throws ConflictException {
        String key = edit.file() + "\u0000" + edit.path();
        if (!firstSeen.containsKey(key)) {
            firstSeen.put(key, edit.before());
            return;
        }
        String readFirst = firstSeen.get(key);
        String now = edit.before();
        if (!Objects.equals(now, readFirst) && !Objects.equals(now, edit.after())) {
            throw new ConflictException(String.format("%s %s was changed by someone else while this promotion ran: "
                    + "it was %s, is now %s (commit %s), and this promotion sets %s. Nothing was pushed; check who "
                    + "promoted what and run the promotion again.", edit.file(), edit.path(), quoted(readFirst),
                    quoted(now), abbreviate(commit), quoted(edit.after())));
        }
    }

    /** The edits of the last attempt: what the pushed commit changed (and what already held the value). */
    @Override
    public synchronized List<AppliedEdit> applied() {
        return lastApplied;
    }

    private static String quoted(final String value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    static String abbreviate(final String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
