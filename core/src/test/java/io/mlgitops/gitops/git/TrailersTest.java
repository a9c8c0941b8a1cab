package io.mlgitops.gitops.git;

import io.mlgitops.gitops.git.Trailers.Trailer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrailersTest {
    @Test
    void shouldReadTheLastParagraphWithContinuationLines() {
        String message = "Promote churn 4 to prod\n\nBody text: not a trailer block\nbecause of this line.\n\n"
                + "ML-Model: churn\nPromotion-Id: abc\n  def\nReport-Digest:sha256:01\n";

        assertThat(Trailers.parse(message)).containsExactly(new Trailer("ML-Model", "churn"),
                new Trailer("Promotion-Id", "abc def"), new Trailer("Report-Digest", "sha256:01"));
    }

    @Test
    void shouldIgnoreASubjectAloneAndAParagraphThatIsNotAllTrailers() {
        assertThat(Trailers.parse("Fix: typo in values\n")).isEmpty();
        assertThat(Trailers.parse("Subject\n\nSee: the docs\nand more prose here\n")).isEmpty();
        assertThat(Trailers.parse("Subject\n\nPromotion-Id: x\n\nA last paragraph of prose.\n")).isEmpty();
    }

    @Test
    void shouldAcceptAMixedBlockWithAGitGeneratedTrailer() {
        String message = "Subject\n\nsome prose line\nSigned-off-by: Ops <ops@example.com>\n"
                + "(cherry picked from commit 0123456789abcdef)\nPromotion-Id: p-1\n";

        assertThat(Trailers.parse(message)).containsExactly(new Trailer("Signed-off-by", "Ops <ops@example.com>"),
                new Trailer("Promotion-Id", "p-1"));
    }

    @Test
    void shouldMatchKeysCaseInsensitivelyAndValuesExactlyAndKeepTheFirstValue() {
        Trailer trailer = new Trailer("Promotion-Id", "p-1");

        assertThat(trailer.is("promotion-id", "p-1")).isTrue();
        assertThat(trailer.is("Promotion-Id", "P-1")).isFalse();
        assertThat(Trailers.firstValues(Trailers.parse("S\n\nA: 1\nB: 2\nA: 3\r\n"))).isEqualTo(Map.of("A", "1",
                "B", "2"));
    }
}
