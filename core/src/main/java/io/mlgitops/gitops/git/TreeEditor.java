package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.util.Paths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a new tree that is a base tree with some files replaced or added. Only the trees on the way to a changed
 * file are read and written again; every other subtree is reused by its id, so the cost grows with the depth of the
 * changed paths, not with the size of the repository. An existing file keeps its mode (regular or executable).
 */
final class TreeEditor {
    private final ObjectReader reader;
    private final ObjectInserter inserter;

    TreeEditor(final ObjectReader reader, final ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    /** The id of the tree that is {@code base} with {@code files} written (not flushed). */
    ObjectId apply(final ObjectId base, final Map<String, byte[]> files) throws IOException, InputException {
        Folder changes = new Folder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            changes.add(file.getKey(), RepositoryPaths.segments(file.getKey()), file.getValue());
        }
        return write(base, changes, "");
    }

    private ObjectId write(final ObjectId base, final Folder changes, final String prefix)
            throws IOException, InputException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> existing = new TreeMap<>();
        if (base != null) {
            CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, base);
            for (; !parser.eof(); parser.next()) {
                byte[] name = new byte[parser.getNameLength()];
                parser.getName(name, 0);
                Entry entry = new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId());
                existing.put(new String(name, StandardCharsets.UTF_8), entry);
                entries.add(entry);
            }
        }
        for (Map.Entry<String, Object> change : changes.children.entrySet()) {
            String name = change.getKey();
            Entry old = existing.get(name);
            Entry updated = change.getValue() instanceof Folder folder
                    ? folder(name, old, folder, prefix)
                    : file(name, old, (byte[]) change.getValue(), prefix);
            if (old != null) {
                entries.set(entries.indexOf(old), updated);
            }
            else {
                entries.add(updated);
            }
        }
        entries.sort(TreeEditor::gitOrder);
        TreeFormatter tree = new TreeFormatter();
        for (Entry entry : entries) {
            tree.append(entry.name, entry.mode, entry.id);
        }
        return inserter.insert(tree);
    }

    private Entry folder(final String name, final Entry old, final Folder folder, final String prefix)
            throws IOException, InputException {
        if (old != null && old.mode != FileMode.TREE) {
            throw new InputException("Cannot write under " + prefix + name + " in the repository: it is a file, not "
                    + "a folder.");
        }
        ObjectId tree = write(old == null ? null : old.id, folder, prefix + name + "/");
        return new Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.TREE, tree);
    }

    private Entry file(final String name, final Entry old, final byte[] content, final String prefix)
            throws IOException, InputException {
        if (old != null && !isFile(old.mode)) {
            throw new InputException("Cannot write " + prefix + name + " in the repository: it is a "
                    + describe(old.mode) + ", not a file.");
        }
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        FileMode mode = old != null && old.mode == FileMode.EXECUTABLE_FILE ? old.mode : FileMode.REGULAR_FILE;
        return new Entry(name.getBytes(StandardCharsets.UTF_8), mode, blob);
    }

    /** A regular or executable file (old repositories may also hold group-writable modes such as 100664). */
    static boolean isFile(final FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    static String describe(final FileMode mode) {
        if (mode == FileMode.TREE) {
            return "folder";
        }
        if (mode == FileMode.SYMLINK) {
            return "symbolic link";
        }
        if (mode == FileMode.GITLINK) {
            return "submodule";
        }
        return "file";
    }

    private static int gitOrder(final Entry a, final Entry b) {
        return Paths.compare(a.name, 0, a.name.length, a.mode.getBits(), b.name, 0, b.name.length, b.mode.getBits());
    }

    /** One entry of a tree. */
    private record Entry(byte[] name, FileMode mode, ObjectId id) {
    }

    /** The changes below one folder: a name maps to new content (byte[]) or to a sub-folder. */
    private static final class Folder {
        private final Map<String, Object> children = new TreeMap<>();

        void add(final String path, final List<String> segments, final byte[] content) throws InputException {
            Folder folder = this;
            for (int i = 0; i < segments.size() - 1; i++) {
                Object child = folder.children.computeIfAbsent(segments.get(i), name -> new Folder());
                if (!(child instanceof Folder sub)) {
                    throw clash(path);
                }
                folder = sub;
            }
            Object previous = folder.children.putIfAbsent(segments.get(segments.size() - 1), content);
            if (previous != null) {
                throw clash(path);
            }
        }

        private static InputException clash(final String path) {
            return new InputException("The change writes " + path + " both as a file and as a folder: write each "
                    + "file once.");
        }
    }
}
