package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {
    @TempDir
    Path folder;

    @Test
    void shouldTypeColumnsAsNumbersOrDictionaryEncodedText() throws Exception {
        Dataset data = read("id,score,plan\n1,0.5,basic\n2,1e3,premium\n3,-2.25,basic\n");

        assertThat(data.rowCount()).isEqualTo(3);
        assertThat(data.columnNames()).containsExactly("id", "score", "plan");
        NumericColumn id = (NumericColumn) data.column("id");
        assertThat(id.toDoubles()).containsExactly(1, 2, 3);
        assertThat(id.isIntegral()).isTrue();
        assertThat(data.column("score").toDoubles()).containsExactly(0.5, 1000, -2.25);
        TextColumn plan = (TextColumn) data.column("plan");
        assertThat(plan.dictionary()).containsExactly("basic", "premium");
        assertThat(plan.code(0)).isZero();
        assertThat(plan.code(1)).isOne();
        assertThat(plan.code(2)).isZero();
    }

    @Test
    void shouldComputeTheSha256OfTheFileBytes() throws Exception {
        Path file = write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));

        Dataset data = CsvReader.read(file);

        assertThat(data.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(data.source()).isEqualTo(file.toString());
    }

    @Test
    void shouldReadQuotedFieldsWithDoubledQuotesDelimitersAndLineBreaks() throws Exception {
        Dataset data = read("name,comment,value\n"
                + "\"Smith, John\",\"said \"\"hi\"\"\",\"1.5\"\n"
                + "\"O'Brien\",\"two\r\nlines\",2\n"
                + "\"\",\"\"\"\",3\n");

        Column name = data.column("name");
        assertThat(name.text(0)).isEqualTo("Smith, John");
        assertThat(name.text(1)).isEqualTo("O'Brien");
        assertThat(name.isMissing(2)).isTrue();
        Column comment = data.column("comment");
        assertThat(comment.text(0)).isEqualTo("said \"hi\"");
        assertThat(comment.text(1)).isEqualTo("two\r\nlines");
        assertThat(comment.text(2)).isEqualTo("\"");
        assertThat(data.column("value")).isInstanceOf(NumericColumn.class);
        assertThat(data.column("value").toDoubles()).containsExactly(1.5, 2, 3);
    }

    @Test
    void shouldAcceptCrLfLfAndCrLineEndsAndSkipBlankLines() throws Exception {
        Dataset crlf = read("a,b\r\n1,x\r\n\r\n2,y\r\n");
        Dataset lf = read("a,b\n1,x\n\n2,y");
        Dataset cr = read("a,b\r1,x\r2,y\r\r");

        for (Dataset data : new Dataset[] {crlf, lf, cr}) {
            assertThat(data.rowCount()).isEqualTo(2);
            assertThat(data.column("a").toDoubles()).containsExactly(1, 2);
            assertThat(data.column("b").text(1)).isEqualTo("y");
        }
    }

    @Test
    void shouldSkipTheUtf8ByteOrderMarkAndKeepUnicodeText() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "city,n\nZürich,1\n東京,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        Dataset data = CsvReader.read(write(bytes));

        assertThat(data.columnNames()).containsExactly("city", "n");
        assertThat(data.column("city").text(0)).isEqualTo("Zürich");
        assertThat(data.column("city").text(1)).isEqualTo("東京");
        assertThat(data.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void shouldUseTheConfiguredDelimiter() throws Exception {
        Dataset semicolon = read("a;b\n1,5;x\n", CsvOptions.defaults().withDelimiter(';'));
        Dataset tab = read("a\tb\n1\tx y\n", CsvOptions.defaults().withDelimiter('\t'));

        assertThat(semicolon.column("a").text(0)).isEqualTo("1,5");
        assertThat(tab.column("a").toDoubles()).containsExactly(1);
        assertThat(tab.column("b").text(0)).isEqualTo("x y");
    }

    @Test
    void shouldTreatTheDefaultMissingTokensAsMissing() throws Exception {
        Dataset data = read("x,label\n1,a\n,NA\nNA,\nNaN,null\nnull,b\n");

        Column x = data.column("x");
        assertThat(x).isInstanceOf(NumericColumn.class);
        assertThat(x.toDoubles()[0]).isEqualTo(1);
        assertThat(x.missingCount()).isEqualTo(4);
        Column label = data.column("label");
        assertThat(label.missingCount()).isEqualTo(3);
        assertThat(((TextColumn) label).dictionary()).containsExactly("a", "b");
    }

    @Test
    void shouldUseCustomMissingTokens() throws Exception {
        Dataset data = read("x,label\n1,NA\n?,b\n", CsvOptions.defaults().withMissingValues(Set.of("?")));

        assertThat(data.column("x").toDoubles()[1]).isNaN();
        assertThat(data.column("label").text(0)).isEqualTo("NA");
    }

    @Test
    void shouldKeepTheSpellingOfNumbersSeenBeforeAColumnTurnsToText() throws Exception {
        Dataset data = read("code,other\n1,7\n2.50,8\n,9\n1,x\nA7,10\n2.50,11\n");

        TextColumn code = (TextColumn) data.column("code");
        assertThat(code.dictionary()).containsExactly("1", "2.50", "A7");
        assertThat(code.code(0)).isEqualTo(0);
        assertThat(code.code(1)).isEqualTo(1);
        assertThat(code.isMissing(2)).isTrue();
        assertThat(code.code(3)).isEqualTo(0);
        assertThat(code.code(4)).isEqualTo(2);
        assertThat(code.code(5)).isEqualTo(1);
        TextColumn other = (TextColumn) data.column("other");
        assertThat(other.dictionary()).containsExactly("7", "8", "9", "x", "10", "11");
    }

    @Test
    void shouldTypeAnAllMissingColumnAsNumeric() throws Exception {
        Dataset data = read("x,y\n,1\nNA,2\n");

        assertThat(data.column("x")).isInstanceOf(NumericColumn.class);
        assertThat(data.column("x").missingCount()).isEqualTo(2);
    }

    @Test
    void shouldReadManyRowsAcrossBufferRefills() throws Exception {
        StringBuilder csv = new StringBuilder("i,text\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"value, ").append(i % 7).append("\"\n");
        }

        Dataset data = read(csv.toString());

        assertThat(data.rowCount()).isEqualTo(50_000);
        assertThat(data.column("i").toDoubles()[49_999]).isEqualTo(49_999);
        assertThat(((TextColumn) data.column("text")).dictionary()).hasSize(7);
        assertThat(data.column("text").text(49_999)).isEqualTo("value, " + 49_999 % 7);
    }

    private Dataset read(final String csv) throws IOException, InputException {
        return read(csv, CsvOptions.defaults());
    }

    private Dataset read(final String csv, final CsvOptions options) throws IOException, InputException {
        return CsvReader.read(write(csv.getBytes(StandardCharsets.UTF_8)), options);
    }

    private Path write(final byte[] bytes) throws IOException {
        Path file = Files.createTempFile(folder, "data", ".csv");
        Files.write(file, bytes);
        return file;
    }

    static String sha256(final byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
