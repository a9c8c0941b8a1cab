package io.mlgitops.canary.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SpecTextTest {
    @Test
    void shouldKeepCommasInsideQuotesAndBracketsInTheValue() {
        SpecText text = SpecText.parse("ratio:max=0.1, query=label_replace(up, \"dst\", \"a,b\", \"src\", \"(.*)\"),"
                + "samples='x,y', minSamples=5");

        assertThat(text.name()).isEqualTo("ratio");
        assertThat(text.values()).containsExactly(entry("max", "0.1"),
                entry("query", "label_replace(up, \"dst\", \"a,b\", \"src\", \"(.*)\")"),
                entry("samples", "'x,y'"),
                entry("minSamples", "5"));
    }

    @Test
    void shouldSplitTheValueAtTheFirstEqualsSign() {
        assertThat(SpecText.parse("errors:query=sum(x{code=\"500\"}),samples=count(y==1)").values())
                .containsEntry("query", "sum(x{code=\"500\"})")
                .containsEntry("samples", "count(y==1)");
    }
}
