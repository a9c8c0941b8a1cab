package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderErrorsTest {
    @TempDir
    Path folder;

    @Test
    void shouldNameAMissingFile() {
        Path missing = folder.resolve("nope.csv");

        assertThatThrownBy(() -> CsvReader.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + " does not exist.")
                .hasMessageContaining("Check the path");
    }

    @Test
    void shouldRejectADirectory() {
        assertThatThrownBy(() -> CsvReader.read(folder))
                .isInstanceOf(InputException.class)
                .hasMessage(folder + " is a directory, not a CSV file. Give the path of the CSV file.");
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Path empty = write("");
        Path blank = write("\uFEFF\r\n\n");

        assertThatThrownBy(() -> CsvReader.read(empty)).hasMessageStartingWith(empty + " is empty.");
        assertThatThrownBy(() -> CsvReader.read(blank)).hasMessageStartingWith(blank + " is empty.");
    }

    @Test
    void shouldSayWhenThereIsAHeaderButNoRows() throws IOException {
        Path file = write("a,b\n\n");

        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + " has a header but no data rows (0 rows).");
    }

    @Test
    void shouldNameEmptyAndRepeatedHeaderNames() throws IOException {
        Path unnamed = write("a,,c, \n1,2,3,4\n");
        Path repeated = write("a,b,a,c,b,a\n1,2,3,4,5,6\n");

        assertThatThrownBy(() -> CsvReader.read(unnamed))
                .hasMessageStartingWith(unnamed + ": the header has no name for column 2, 4 (1-based).");
        assertThatThrownBy(() -> CsvReader.read(repeated))
                .hasMessageStartingWith(repeated + ": the header repeats column names: 'a' (columns 1, 3, 6), "
                        + "'b' (columns 2, 5). Column names must be unique.");
    }

    @Test
    void shouldGiveRowLineAndFieldCountsOfARaggedRow() throws IOException {
        Path tooFew = write("a,b,c\n1,2,3\n\"multi\nline\",5,6\n7,8\n");
        Path tooMany = write("a,b\r\n1,2\r\n3,4,5,6\r\n");

        assertThatThrownBy(() -> CsvReader.read(tooFew))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(tooFew + ": row 3 (line 5) has 2 fields, but the header has 3.")
                .hasMessageContaining("delimiter ','");
        assertThatThrownBy(() -> CsvReader.read(tooMany))
                .hasMessageStartingWith(tooMany + ": row 2 (line 3) has 4 fields, but the header has 2.");
    }

    @Test
    void shouldGiveTheLineOfAnUnterminatedQuote() throws IOException {
        Path file = write("a,b\n1,2\n3,\"open\n4,5\n");

        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": line 3: a quoted field starts here but its closing quote is "
                        + "missing.");
    }

    @Test
    void shouldRejectTextAfterAClosingQuote() throws IOException {
        Path file = write("a,b\n1,\"say \"hi\"\"\n");

        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": line 2: unexpected 'h' after the closing quote of a field.");
    }

    @Test
    void shouldReportInvalidUtf8ByRowAndLine() throws IOException {
        Path value = writeBytes(new byte[] {'a', ',', 'b', '\n', '1', ',', 'x', '\n', '2', ',', (byte) 0xC3, '(',
            '\n'});
        Path header = writeBytes(new byte[] {'a', ',', (byte) 0xFF, '\n', '1', ',', '2', '\n'});

        assertThatThrownBy(() -> CsvReader.read(value))
                .hasMessage(value + ": column 'b', row 2 (line 3) is not valid UTF-8 text. Save the file with UTF-8 "
                        + "encoding.");
        assertThatThrownBy(() -> CsvReader.read(header))
                .hasMessageStartingWith(header + ": the header (line 1) is not valid UTF-8 text.");
    }

    @Test
    void shouldRejectAnUnusableDelimiter() {
        assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delimiter");
    }

    private Path write(final String text) throws IOException {
        return writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeBytes(final byte[] bytes) throws IOException {
        Path file = Files.createTempFile(folder, "bad", ".csv");
        Files.write(file, bytes);
        return file;
    }
}
