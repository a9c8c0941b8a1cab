package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.ConflictException;
import io.mlgitops.gitops.RepositoryFiles;
import io.mlgitops.gitops.TreeChange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A test change that sets one {@code key: value} line of a simple file, the way a promotion sets one manifest value:
 * nothing to do when the file already holds the value, a conflict when someone else set the key to a third value.
 *
 * @param path     the file
 * @param key      the key
 * @param expected the value the writer read before (null: the key was absent)
 * @param value    the value to set
 */
record SetValue(String path, String key, String expected, String value) implements TreeChange {
    @Override
    public Map<String, byte[]> apply(final RepositoryFiles tip) throws MlGitOpsException {
        String text = tip.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ": ")) {
                index = i;
            }
        }
        String current = index < 0 ? null : lines.get(index).substring(key.length() + 2);
        if (value.equals(current)) {
            return Map.of();
        }
        if (!Objects.equals(expected, current)) {
            throw new ConflictException(path + ": " + key + " is " + current + " at " + tip.commit() + ", not "
                    + expected + " as read; this change wanted " + value);
        }
        if (index < 0) {
            lines.add(key + ": " + value);
        }
        else {
            lines.set(index, key + ": " + value);
        }
        return Map.of(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
