package io.mlgitops.gitops.yaml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlPathTest {
    @Test
    void shouldReadKeysIndexesAndNames() {
        assertThat(YamlPath.parse("spec.template.spec.containers[0].env[MODEL_VERSION].value").segments())
                .containsExactly(new YamlPath.Key("spec"), new YamlPath.Key("template"), new YamlPath.Key("spec"),
                        new YamlPath.Key("containers"), new YamlPath.Index(0), new YamlPath.Key("env"),
                        new YamlPath.Named("MODEL_VERSION"), new YamlPath.Key("value"));
    }

    @Test
    void shouldReadEscapedDotsBracketsAndDigitNames() {
        assertThat(YamlPath.parse("metadata.annotations.example\\.com/a\\[b\\]").segments()).containsExactly(
                new YamlPath.Key("metadata"), new YamlPath.Key("annotations"), new YamlPath.Key("example.com/a[b]"));
        assertThat(YamlPath.parse("list[\\12]").segments())
                .containsExactly(new YamlPath.Key("list"), new YamlPath.Named("12"));
        assertThat(YamlPath.parse("[3][a\\]b]").segments())
                .containsExactly(new YamlPath.Index(3), new YamlPath.Named("a]b"));
    }

    @Test
    void shouldWriteWhatItReads() {
        for (String path : new String[] {"a.b[0].c", "metadata.annotations.example\\.com/team", "x[\\12].y",
                "images[churn-model].newTag", "a\\\\b", "[0]", "k[a\\]b]"}) {
            assertThat(YamlPath.parse(path)).hasToString(path);
            assertThat(YamlPath.parse(YamlPath.parse(path).toString())).isEqualTo(YamlPath.parse(path));
        }
    }

    @Test
    void shouldRefuseMalformedPaths() {
        for (String path : new String[] {"", ".a", "a.", "a..b", "a[", "a[]", "a[0]b", "a[99999999999]"}) {
            assertThatThrownBy(() -> YamlPath.parse(path)).as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Malformed path '" + path + "'")
                    .hasMessageContaining("[N] for the N-th list item");
        }
    }
}
