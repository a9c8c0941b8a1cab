package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tree change of a rollback: puts back the values a promotion replaced. A location that holds neither the
 * promotion's value nor the value before it was changed again since, by someone else: the rollback stops there with a
 * {@link ConflictException} rather than undo work it does not own.
 */
final class RollbackChange implements EditingChange {
    private final Map<String, List<AppliedEdit>> promotedByFile;
    private List<AppliedEdit> lastApplied = List.of();

    /** @param promoted the edits of the promotion to undo */
    RollbackChange(final List<AppliedEdit> promoted) {
        Map<String, List<AppliedEdit>> byFile = new LinkedHashMap<>();
        for (AppliedEdit edit : promoted) {
            if (edit.changed()) {
                byFile.computeIfAbsent(edit.file(), file -> new ArrayList<>()).add(edit);
            }
        }
        this.promotedByFile = byFile;
    }

    @Override
    public synchronized Map<String, byte[]> apply(final RepositoryFiles tip) throws MlGitOpsException {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        List<AppliedEdit> applied = new ArrayList<>();
        for (Map.Entry<String, List<AppliedEdit>> file : promotedByFile.entrySet()) {
            byte[] content = tip.read(file.getKey()).orElseThrow(() -> new InputException(String.format(
                    "%s no longer exists on the branch (commit %s), so the promotion cannot be rolled back there.",
                    file.getKey(), PromotionChange.abbreviate(tip.commit()))));
            EditedFile restored = ManifestEditor.restore(file.getKey(), content, file.getValue());
            for (AppliedEdit edit : restored.edits()) {
                checkUnchangedSincePromotion(edit, file.getValue(), tip.commit());
            }
            applied.addAll(restored.edits());
            if (!Arrays.equals(content, restored.content())) {
                changed.put(file.getKey(), restored.content());
            }
        }
        lastApplied = List.copyOf(applied);
        return changed;
    }

    private static void checkUnchangedSincePromotion(final AppliedEdit restoring, final List<AppliedEdit> promoted,
            final String commit) throws ConflictException {
        for (AppliedEdit promotion : promoted) {
            if (promotion.path().equals(restoring.path())) {
                String now = restoring.before();
                if (!Objects.equals(now, promotion.after()) && !Objects.equals(now, promotion.before())) {
                    throw new ConflictException(String.format("%s %s was changed after the promotion: the promotion "
                            + "set %s, it is now %s (commit %s). Nothing was pushed; roll back the later change, or "
                            + "edit the file by hand.", restoring.file(), restoring.path(), quoted(promotion.after()),
                            quoted(now), PromotionChange.abbreviate(commit)));
                }
                return;
            }
        }
    }

    private static String quoted(final String value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    /** The locations the last attempt restored. */
    @Override
    public synchronized List<AppliedEdit> applied() {
        return lastApplied;
    }
}
