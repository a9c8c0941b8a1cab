package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTokenizerTest {
    private static final String TRICKY = "\uFEFFh1,\"h,2\"\r\n"
            + "plain,\"quoted \"\"twice\"\" ,\r\nwith break\"\n"
            + "\n"
            + "\"\",last\r"
            + "é,\"\"\"\"";

    @Test
    void shouldSplitTheSameWayWhateverTheBufferSize() throws Exception {
        List<List<String>> expected = List.of(
                List.of("h1", "h,2"),
                List.of("plain", "quoted \"twice\" ,\r\nwith break"),
                List.of("", "last"),
                List.of("é", "\""));
        for (int bufferSize = 1; bufferSize <= 16; bufferSize++) {
            assertThat(records(TRICKY, bufferSize)).as("buffer size %d", bufferSize).isEqualTo(expected);
        }
    }

    @Test
    void shouldReportTheLineOnWhichEachRecordStarts() throws Exception {
        CsvTokenizer tokenizer = tokenizer(TRICKY, 4);
        List<Long> lines = new ArrayList<>();
        while (tokenizer.next((index, bytes, start, length) -> { }) >= 0) {
            lines.add(tokenizer.recordLine());
        }

        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
    }

    private static List<List<String>> records(final String text, final int bufferSize)
            throws IOException, InputException {
        CsvTokenizer tokenizer = tokenizer(text, bufferSize);
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        while (tokenizer.next((index, bytes, start, length) ->
                current.add(new String(bytes, start, length, StandardCharsets.UTF_8))) >= 0) {
            records.add(List.copyOf(current));
            current.clear();
        }
        return records;
    }

    private static CsvTokenizer tokenizer(final String text, final int bufferSize) {
        return new CsvTokenizer("test.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',',
                bufferSize);
    }
}
