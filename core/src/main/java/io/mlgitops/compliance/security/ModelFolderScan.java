package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.OnnxExternalData;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The model files of a folder (walked recursively, symbolic links not followed out of it) or a single file, scanned.
 * ONNX models are scanned first, so that the external tensor data they name is not mistaken for pickles.
 *
 * @param folder    the model folder (the parent folder when a single file was given)
 * @param artifacts what was scanned, in path order
 * @param scanned   the number of files scanned
 * @param skipped   the number of files not scanned: other extensions, data that is not a pickle, ONNX external
 *                  data, links to folders or within the folder
 */
record ModelFolderScan(Path folder, List<ScannedArtifact> artifacts, int scanned, int skipped) {
    ModelFolderScan {
        artifacts = List.copyOf(artifacts);
    }

    /** A file found in the folder, named by its path relative to the folder with {@code /} separators. */
    private record Candidate(Path path, String name, boolean link) {
    }

    /**
     * @throws InputException when {@code path} does not exist or the folder cannot be listed
     */
    static ModelFolderScan of(final Path path, final long maxFileSize) throws InputException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(String.format("The model folder %s does not exist. Give the folder (or the "
                    + "single file) holding the model's files; a relative path is resolved against %s.", path,
                    Path.of("").toAbsolutePath()));
        }
        boolean single = !Files.isDirectory(path);
        Path folder = (single ? path.toAbsolutePath().getParent() : path.toAbsolutePath()).normalize();
        List<Candidate> candidates = single ? List.of(new Candidate(path, path.getFileName().toString(), false))
                : list(folder);
        return new Walk(folder, new ModelFileScanner(folder, maxFileSize)).scan(candidates);
    }

    private static List<Candidate> list(final Path folder) throws InputException {
        List<Candidate> candidates = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) {
                    String name = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                            "/");
                    candidates.add(new Candidate(file, name, attributes.isSymbolicLink()));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException failure) {
            throw new InputException(String.format("Cannot list the model folder %s (%s: %s). Check that it is "
                    + "readable.", folder, failure.getClass().getSimpleName(), failure.getMessage()), failure);
        }
        candidates.sort(Comparator.comparing(Candidate::name));
        return candidates;
    }

    /** The state of one scan: ONNX external data found so far, counts. */
    private static final class Walk {
        private final Path folder;
        private final ModelFileScanner scanner;
        private final Set<Path> externalData = new HashSet<>();
        private final List<ScannedArtifact> artifacts = new ArrayList<>();
        private int scanned;
        private int skipped;

        Walk(final Path folder, final ModelFileScanner scanner) {
            this.folder = folder;
            this.scanner = scanner;
        }

        ModelFolderScan scan(final List<Candidate> candidates) {
            List<Candidate> others = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (ArtifactType.of(candidate.name()).equals(Optional.of(ArtifactType.ONNX))) {
                    visit(candidate, ArtifactType.ONNX);
                }
                else {
                    others.add(candidate);
                }
            }
            for (Candidate candidate : others) {
                Optional<ArtifactType> type = ArtifactType.of(candidate.name());
                if (type.isEmpty() || externalData.contains(realPath(candidate.path()))) {
                    skipped++;
                }
                else {
                    visit(candidate, type.get());
                }
            }
            artifacts.sort(Comparator.comparing(ScannedArtifact::file));
            return new ModelFolderScan(folder, artifacts, scanned, skipped);
        }

        private void visit(final Candidate candidate, final ArtifactType type) {
            if (candidate.link()) {
                Optional<String> refused = linkProblem(candidate.path());
                if (refused.isPresent()) {
                    artifacts.add(ScannedArtifact.unscannable(candidate.name(), "link", refused.get()));
                    scanned++;
                    return;
                }
                if (!Files.isRegularFile(candidate.path())) {
                    skipped++;
                    return;
                }
            }
            List<ScannedArtifact> found = scanner.scan(candidate.path(), candidate.name(), type);
            if (found.isEmpty()) {
                skipped++;
                return;
            }
            scanned++;
            artifacts.addAll(found);
            found.stream().flatMap(artifact -> artifact.externalData().stream())
                    .map(OnnxExternalData.Tensor::file).flatMap(Optional::stream)
                    .forEach(file -> externalData.add(realPath(file)));
        }

        /** Why a symbolic link is not followed: it is broken or leads out of the folder. */
        private Optional<String> linkProblem(final Path link) {
            try {
                Path target = link.toRealPath();
                if (!target.startsWith(folder.toRealPath())) {
                    return Optional.of("it is a symbolic link to " + target + ", outside the model folder, which "
                            + "the scanner does not follow. Put the file itself in the model folder.");
                }
                return Optional.empty();
            }
            catch (IOException broken) {
                return Optional.of("it is a symbolic link that cannot be followed (" + broken.getMessage() + ")");
            }
        }

        private static Path realPath(final Path file) {
            try {
                return file.toRealPath();
            }
            catch (IOException unreadable) {
                return file.toAbsolutePath().normalize();
            }
        }
    }
}
