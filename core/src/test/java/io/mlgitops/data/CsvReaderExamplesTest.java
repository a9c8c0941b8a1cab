package io.mlgitops.data;

import org.junit.jupiter.api.Test;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;

/** The edge-case files of {@code examples/csv}, written byte for byte by scripts/make-examples.py. */
class CsvReaderExamplesTest {
    @Test
    void shouldReadQuotedFieldsAndExponents() throws Exception {
        Dataset data = CsvReader.read(example("csv/quoted.csv"));

        assertThat(data.columnNames()).containsExactly("id", "comment", "amount", "label");
        assertThat(data.rowCount()).isEqualTo(4);
        Column comment = data.column("comment");
        assertThat(comment.text(0)).isEqualTo("plain, with comma");
        assertThat(comment.text(1)).isEqualTo("two\nlines");
        assertThat(comment.text(2)).isEqualTo("say \"hi\"");
        assertThat(comment.isMissing(3)).isTrue();
        assertThat(data.column("amount").toDoubles()).containsExactly(1.5, 2.5, -3, 400);
    }

    @Test
    void shouldStripTheByteOrderMarkAndReadCrLf() throws Exception {
        Dataset data = CsvReader.read(example("csv/bom-crlf.csv"));

        assertThat(data.columnNames()).containsExactly("x", "y", "label");
        assertThat(data.column("y").toDoubles()).containsExactly(2.5, -4.25, 6);
        assertThat(data.column("label").text(2)).isEqualTo("yes");
    }

    @Test
    void shouldRecognizeEveryDefaultMissingToken() throws Exception {
        Dataset data = CsvReader.read(example("csv/missing.csv"));

        assertThat(data.column("a").toDoubles()).usingElementComparator(Double::compare)
                .containsExactly(1.0, Double.NaN, Double.NaN, Double.NaN, 5.0);
        assertThat(data.column("b").toDoubles()).usingElementComparator(Double::compare)
                .containsExactly(Double.NaN, 2.0, Double.NaN, 3.0, 6.0);
        Column c = data.column("c");
        assertThat(c).isInstanceOf(TextColumn.class);
        assertThat(new String[] {c.text(0), c.text(1), c.text(2), c.text(3), c.text(4)})
                .containsExactly("x", null, "y", "z", "w");
    }

    @Test
    void shouldReadASemicolonDelimitedFile() throws Exception {
        Dataset data = CsvReader.read(example("csv/semicolon.csv"), CsvOptions.defaults().withDelimiter(';'));

        assertThat(data.columnNames()).containsExactly("name", "score", "passed");
        assertThat(data.column("name").text(2)).isEqualTo("gam;ma");
        assertThat(data.column("score").toDoubles()).containsExactly(0.5, 0.75, 1);
    }
}
