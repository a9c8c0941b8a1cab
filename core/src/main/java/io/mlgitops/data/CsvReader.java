package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a CSV file with a header row into a column-oriented {@link Dataset}, in one streaming pass over the bytes
 * that also computes the file's SHA-256. A column is numeric when every non-missing cell is a number (parsed exactly
 * like {@link Double#parseDouble}), and dictionary-encoded text otherwise. Blank lines are skipped. The file must be
 * UTF-8 (a byte order mark is allowed).
 *
 * <p>Errors are {@link InputException}s naming the file and, where it applies, the row (1-based, counting data rows
 * only), the line (1-based, counting every line of the file) and the column.</p>
 */
public final class CsvReader {
    /** The most rows a data set can hold (the largest Java array). */
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private static final int INITIAL_CAPACITY = 1024;
    /** After this many rows, the remaining rows are estimated from the file size and storage is sized once. */
    private static final int ESTIMATE_AFTER_ROWS = 1000;

    private final Path file;
    private final String source;
    private final CsvOptions options;
    private final MissingValues missing;
    private final Set<String> selection;
    /** Per field of a row, the index of its builder, or -1 for a column that is not read. */
    private int[] slots;

    private CsvReader(final Path file, final CsvOptions options, final Set<String> selection) {
        this.file = file;
        this.source = file.toString();
        this.options = options;
        this.missing = new MissingValues(options.missingValues());
        this.selection = Set.copyOf(selection);
    }

    /** Reads a comma-separated file with the default missing-value tokens. */
    public static Dataset read(final Path file) throws InputException {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file.
     *
     * @throws InputException when the file is missing, unreadable, empty, has no data rows, has an empty or
     *                        repeated column name, a row with the wrong number of fields, an unclosed quote or text
     *                        that is not UTF-8
     */
    public static Dataset read(final Path file, final CsvOptions options) throws InputException {
        return new CsvReader(file, options, Set.of()).read();
    }

    /**
     * Reads only some columns of a CSV file (every row is still checked for its field count, and the digest covers
     * the whole file).
     *
     * @param columns the columns to keep, in any order; empty keeps every column
     * @throws InputException as {@link #read(Path, CsvOptions)}, and when a selected column is not in the header
     */
    public static Dataset read(final Path file, final CsvOptions options, final Set<String> columns)
            throws InputException {
        return new CsvReader(file, options, columns).read();
    }

    private Dataset read() throws InputException {
        requireReadableFile();
        ColumnBuilder[] builders;
        String sha256;
        try (InputStream input = Files.newInputStream(file)) {
            CsvTokenizer tokenizer = new CsvTokenizer(source, input, options.delimiter());
            builders = createBuilders(readHeader(tokenizer));
            readRows(tokenizer, builders);
            sha256 = tokenizer.sha256();
        }
        catch (IOException failure) {
            throw unreadable(failure);
        }
        secondLook(builders);
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder builder : builders) {
            columns.add(builder.build(source));
        }
        return new Dataset(source, sha256, columns);
    }

    private void requireReadableFile() throws InputException {
        if (!Files.exists(file)) {
            throw new InputException(String.format("%s does not exist. Check the path (a relative path is resolved "
                    + "against %s).", source, Path.of("").toAbsolutePath()));
        }
        if (Files.isDirectory(file)) {
            throw new InputException(source + " is a directory, not a CSV file. Give the path of the CSV file.");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(source + " is not readable. Check its permissions.");
        }
    }

    private List<String> readHeader(final CsvTokenizer tokenizer) throws IOException, InputException {
        List<byte[]> fields = new ArrayList<>();
        int count = tokenizer.next((index, bytes, start, length) ->
                fields.add(Arrays.copyOfRange(bytes, start, start + length)));
        if (count < 0) {
            throw new InputException(source + " is empty. Give a CSV file with a header row and at least one data "
                    + "row.");
        }
        List<String> names = new ArrayList<>(fields.size());
        for (byte[] field : fields) {
            names.add(decodeHeaderName(field, tokenizer.recordLine()));
        }
        requireValidNames(names);
        return names;
    }

    private String decodeHeaderName(final byte[] field, final long line) throws InputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(field))
                    .toString();
        }
        catch (CharacterCodingException invalid) {
            throw new InputException(String.format("%s: the header (line %d) is not valid UTF-8 text. Save the file "
                    + "with UTF-8 encoding.", source, line));
        }
    }

    private void requireValidNames(final List<String> names) throws InputException {
        List<Integer> unnamed = new ArrayList<>();
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                unnamed.add(i + 1);
            }
            positions.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i + 1);
        }
        if (!unnamed.isEmpty()) {
            throw new InputException(String.format("%s: the header has no name for column %s (1-based). Give every "
                    + "column a name in the first line.", source, joined(unnamed)));
        }
        String repeated = positions.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "'" + entry.getKey() + "' (columns " + joined(entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
        if (!repeated.isEmpty()) {
            throw new InputException(String.format("%s: the header repeats column names: %s. Column names must be "
                    + "unique.", source, repeated));
        }
    }

    private ColumnBuilder[] createBuilders(final List<String> names) throws InputException {
        for (String selected : selection) {
            if (!names.contains(selected)) {
                throw new InputException(String.format("%s has no column '%s'. Columns: %s. Check the column name "
                        + "(it is case-sensitive).", source, selected, String.join(", ", names)));
            }
        }
        slots = new int[names.size()];
        List<ColumnBuilder> builders = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (selection.isEmpty() || selection.contains(names.get(i))) {
                slots[i] = builders.size();
                builders.add(new ColumnBuilder(names.get(i), missing, INITIAL_CAPACITY));
            }
            else {
                slots[i] = -1;
            }
        }
        return builders.toArray(ColumnBuilder[]::new);
    }

    /** The builder of a field, or {@code null} when its column is not read. */
    private ColumnBuilder builderOf(final ColumnBuilder[] builders, final int field) {
        int slot = field < slots.length ? slots[field] : -1;
        return slot < 0 ? null : builders[slot];
    }

    private void readRows(final CsvTokenizer tokenizer, final ColumnBuilder[] builders)
            throws IOException, InputException {
        int width = slots.length;
        CsvTokenizer.FieldHandler handler = (index, bytes, start, length) -> {
            ColumnBuilder builder = builderOf(builders, index);
            if (builder != null) {
                builder.add(bytes, start, length, tokenizer.recordLine());
            }
        };
        long headerBytes = tokenizer.bytesConsumed();
        int rows = 0;
        int fields;
        while ((fields = tokenizer.next(handler)) >= 0) {
            if (fields != width) {
                throw ragged(rows + 1, tokenizer.recordLine(), fields, width);
            }
            rows++;
            if (rows == ESTIMATE_AFTER_ROWS) {
                reserve(builders, estimateRows(rows, tokenizer.bytesConsumed() - headerBytes, headerBytes));
            }
            if (rows == MAX_ROWS) {
                throw new InputException(String.format("%s has more than %d rows, more than one data set can hold. "
                        + "Split the file.", source, MAX_ROWS));
            }
        }
        if (rows == 0) {
            throw new InputException(source + " has a header but no data rows (0 rows). Give at least one row of "
                    + "data after the header.");
        }
    }

    private int estimateRows(final int rowsRead, final long rowBytes, final long headerBytes) throws IOException {
        double bytesPerRow = (double) rowBytes / rowsRead;
        double estimate = (Files.size(file) - headerBytes) / bytesPerRow * 1.05 + 16;
        return (int) Math.min(estimate, MAX_ROWS);
    }

    private static void reserve(final ColumnBuilder[] builders, final int capacity) {
        for (ColumnBuilder builder : builders) {
            builder.reserve(capacity);
        }
    }

    /** Reads the rows again up to where the last column turned from numbers to text, for those columns only. */
    private void secondLook(final ColumnBuilder[] builders) throws InputException {
        int until = 0;
        for (ColumnBuilder builder : builders) {
            if (builder.needsSecondLook()) {
                until = Math.max(until, builder.textFrom());
            }
        }
        if (until == 0) {
            return;
        }
        int[] row = new int[1];
        try (InputStream input = Files.newInputStream(file)) {
            CsvTokenizer tokenizer = new CsvTokenizer(source, input, options.delimiter());
            tokenizer.next((index, bytes, start, length) -> {
                // the header was read in the first pass
            });
            CsvTokenizer.FieldHandler handler = (index, bytes, start, length) -> {
                ColumnBuilder builder = builderOf(builders, index);
                if (builder != null && builder.needsSecondLook() && row[0] < builder.textFrom()) {
                    builder.addEarly(bytes, start, length, row[0], tokenizer.recordLine());
                }
            };
            for (; row[0] < until; row[0]++) {
                if (tokenizer.next(handler) != slots.length) {
                    throw new InputException(source + " changed while it was being read. Read it again when no "
                            + "other program is writing it.");
                }
            }
        }
        catch (IOException failure) {
            throw unreadable(failure);
        }
    }

    private InputException ragged(final int row, final long line, final int found, final int expected) {
        return new InputException(String.format("%s: row %d (line %d) has %d fields, but the header has %d. Quote "
                + "fields that contain the delimiter '%s' or a line break, and check for a missing or extra "
                + "delimiter.", source, row, line, found, expected, printable(options.delimiter())));
    }

    private InputException unreadable(final IOException failure) {
        return new InputException(String.format("Cannot read %s (%s: %s). Check that the file exists and is "
                + "readable.", source, failure.getClass().getSimpleName(), failure.getMessage()), failure);
    }

    private static String printable(final char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    private static String joined(final List<Integer> positions) {
        return positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
