package io.mlgitops.report.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTest {
    @Test
    void shouldEscapeTheFiveMarkupCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void shouldReplaceCharactersXmlForbidsAndKeepOthers() {
        assertThat(Html.escape("a\u0000b\u0007c\nd\te\uD83D\uDE00f\uD800g")).isEqualTo("a\uFFFDb\uFFFDc\nd\te"
                + "\uD83D\uDE00f\uFFFDg");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void shouldRefuseNamesThatAreNotNames() {
        assertThatThrownBy(() -> new Markup().open("div onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Markup().open("div", "title")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Markup().open("td", "class", null).close("td")).hasToString("<td></td>");
    }

    @Test
    void shouldFormatNumbersLikeTheCommandLine() {
        assertThat(Format.number(0.853)).isEqualTo("0.8530");
        assertThat(Format.number(3000.0)).isEqualTo("3000");
        assertThat(Format.number(13.0482)).isEqualTo("13.05");
        assertThat(Format.number(6.63e-5)).isEqualTo("6.63e-05");
        assertThat(Format.signed(0.0353)).isEqualTo("+0.0353");
        assertThat(Format.signed(-8.0)).isEqualTo("-8");
        assertThat(Format.millis(4200)).isEqualTo("4.2 s");
        assertThat(Format.millis(125_000)).isEqualTo("2 min 05 s");
        assertThat(Format.instant("2026-11-28T19:00:04.315244361Z")).isEqualTo("2026-11-28 19:00:04 UTC");
        assertThat(Format.instant("yesterday")).isEqualTo("yesterday");
    }

    @Test
    void shouldPickRoundTicks() {
        Ticks symmetric = Ticks.symmetric(0.113, 3);
        assertThat(symmetric.first()).isEqualTo(-0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(symmetric.count()).isEqualTo(7);
        assertThat(symmetric.label(4)).isEqualTo("0.05");
        assertThat(symmetric.label(3)).isEqualTo("0");
        Ticks covering = Ticks.covering(66.4, 103.6, 4);
        assertThat(covering.label(0)).isEqualTo("60");
        assertThat(covering.label(covering.count() - 1)).isEqualTo("110");
    }

    @Test
    void shouldReadBoundsOfThresholds() {
        assertThat(CheckChart.bound(">= 99")).hasValue(99);
        assertThat(CheckChart.bound(" < 0.05 ")).hasValue(0.05);
        assertThat(CheckChart.bound("Mann-Whitney p=0.003 < 0.05, +34% > +10%")).isEmpty();
        assertThat(CheckChart.bound(null)).isEmpty();
    }
}
