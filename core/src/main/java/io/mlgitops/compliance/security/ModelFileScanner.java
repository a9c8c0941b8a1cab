package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.OnnxExternalData;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Scans one model file without running anything: its pickles' imports, or an ONNX model's external-data locations.
 * Nothing is extracted to disk; zip entry names only name what was scanned; decompressed and zip-entry bytes count
 * against {@code maxFileSize}.
 */
final class ModelFileScanner {
    static final int MAX_ZIP_ENTRIES = 10_000;
    private static final int LEGACY_TORCH_PICKLES = 5;
    private static final int ONNX_MAX_BYTES = Integer.MAX_VALUE - 8;

    private final Path folder;
    private final long maxBytes;

    /**
     * @param folder   the model folder, which ONNX external data must not leave
     * @param maxBytes the largest file, and the most bytes a file may expand to, that is scanned
     */
    ModelFileScanner(final Path folder, final long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /**
     * Scans {@code file}, named {@code name} in reports. Returns nothing when a {@link ArtifactType#SNIFFED} file
     * turns out to hold neither a pickle nor a zip archive (it is skipped); a file that cannot be scanned comes back
     * with its problem.
     */
    List<ScannedArtifact> scan(final Path file, final String name, final ArtifactType type) {
        try {
            long size = Files.size(file);
            long limit = type == ArtifactType.ONNX ? Math.min(maxBytes, ONNX_MAX_BYTES) : maxBytes;
            if (size > limit) {
                return List.of(ScannedArtifact.unscannable(name, kind(type), "it is " + size + " bytes, larger "
                        + "than " + (limit == maxBytes ? "maxFileSize (" + limit + " bytes)" : "an ONNX file can "
                        + "be")));
            }
            return type == ArtifactType.ONNX ? List.of(onnx(file, name)) : pickleFile(file, name, type);
        }
        catch (IOException failure) {
            return List.of(ScannedArtifact.unscannable(name, kind(type), problem(failure)));
        }
    }

    private ScannedArtifact onnx(final Path file, final String name) {
        try {
            return ScannedArtifact.onnx(name, OnnxExternalData.check(file, folder));
        }
        catch (InputException unreadable) {
            return ScannedArtifact.unscannable(name, "onnx", unreadable.getMessage());
        }
    }

    private List<ScannedArtifact> pickleFile(final Path file, final String name, final ArtifactType type)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ArtifactContent content = ArtifactContent.sniff(in);
            if (content == ArtifactContent.ZIP) {
                return zipEntries(file, name);
            }
            if (content == ArtifactContent.LEGACY_TORCH) {
                return List.of(pickles(in, name, "pytorch legacy pickle", LEGACY_TORCH_PICKLES));
            }
            if (content == ArtifactContent.PICKLE) {
                return List.of(pickles(in, name, "pickle", Integer.MAX_VALUE));
            }
            if (type == ArtifactType.SNIFFED) {
                return protocolZeroOrNothing(in, name);
            }
            return List.of(pickleContent(in, name, content));
        }
    }

    /**
     * A {@link ArtifactType#SNIFFED} file that does not start with {@code PROTO}: a pickle of protocol 0 or 1 when its
     * first pickle parses to its end, else data that is skipped.
     */
    private static List<ScannedArtifact> protocolZeroOrNothing(final InputStream in, final String name)
            throws IOException {
        PickleScan scan = PickleScan.of(in, Integer.MAX_VALUE);
        return scan.pickles() == 0 ? List.of() : List.of(ScannedArtifact.pickles(name, "pickle", scan));
    }

    /** A file of type {@link ArtifactType#PICKLE} that is not a zip archive nor starts with {@code PROTO}. */
    private ScannedArtifact pickleContent(final InputStream in, final String name, final ArtifactContent content)
            throws IOException {
        if (content.unreadableCompression() != null) {
            return ScannedArtifact.unscannable(name, "compressed pickle", "it is compressed with "
                    + content.unreadableCompression() + ", which this scanner cannot read. Save it uncompressed or "
                    + "with zlib or gzip (joblib.dump(..., compress=3) or compress=('gzip', 3)).");
        }
        CappedInputStream.Budget budget = new CappedInputStream.Budget(maxBytes);
        return switch (content) {
            case NPY -> npy(in, name);
            case ZLIB -> pickles(decompressed(new InflaterInputStream(in), budget), name, "zlib pickle",
                    Integer.MAX_VALUE);
            case GZIP -> pickles(decompressed(new GZIPInputStream(in), budget), name, "gzip pickle",
                    Integer.MAX_VALUE);
            default -> pickles(in, name, "pickle", Integer.MAX_VALUE);
        };
    }

    private static InputStream decompressed(final InputStream in, final CappedInputStream.Budget budget) {
        return new BufferedInputStream(new CappedInputStream(in, budget));
    }

    private static ScannedArtifact pickles(final InputStream in, final String name, final String kind,
            final int maxPickles) throws IOException {
        return ScannedArtifact.pickles(name, kind, PickleScan.of(in, maxPickles));
    }

    /** An .npy file: only an array of Python objects holds a pickle, right after the header. */
    private static ScannedArtifact npy(final InputStream in, final String name) throws IOException {
        return NpyHeader.holdsObjects(in) ? pickles(in, name, "npy", 1) : ScannedArtifact.clean(name, "npy");
    }

    /** The pickles ({@code *.pkl}, ...) and .npy arrays of a PyTorch, TorchScript or .npz archive. */
    private List<ScannedArtifact> zipEntries(final Path file, final String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                return List.of(ScannedArtifact.unscannable(name, "zip", "it is a zip archive of " + zip.size()
                        + " entries, more than " + MAX_ZIP_ENTRIES));
            }
            CappedInputStream.Budget budget = new CappedInputStream.Budget(maxBytes);
            List<ScannedArtifact> artifacts = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Optional<ArtifactType> type = ArtifactType.of(entry.getName());
                if (!entry.isDirectory() && type.equals(Optional.of(ArtifactType.PICKLE))) {
                    artifacts.add(zipEntry(zip, entry, name + ":" + entry.getName(), budget));
                }
            }
            return artifacts.isEmpty() ? List.of(ScannedArtifact.clean(name, "zip")) : artifacts;
        }
        catch (ZipException broken) {
            return List.of(ScannedArtifact.unscannable(name, "zip", "it is not a readable zip archive ("
                    + broken.getMessage() + ")"));
        }
    }

    private static ScannedArtifact zipEntry(final ZipFile zip, final ZipEntry entry, final String name,
            final CappedInputStream.Budget budget) {
        try (InputStream in = new BufferedInputStream(new CappedInputStream(zip.getInputStream(entry), budget))) {
            return ArtifactContent.sniff(in) == ArtifactContent.NPY ? npy(in, name)
                    : pickles(in, name, "zip entry", Integer.MAX_VALUE);
        }
        catch (IOException failure) {
            return ScannedArtifact.unscannable(name, "zip entry", problem(failure));
        }
    }

    private static String kind(final ArtifactType type) {
        return type == ArtifactType.ONNX ? "onnx" : "pickle";
    }

    private static String problem(final IOException failure) {
        if (failure instanceof UnreadableArtifactException) {
            return failure.getMessage();
        }
        return "it cannot be read (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    }
}
