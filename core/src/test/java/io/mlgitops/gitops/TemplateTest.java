package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    private static final Map<String, String> VALUES = Map.of("model", "churn", "version", "8",
            "environment", "prod", "alias", "champion");

    @Test
    void shouldFillEveryPlaceholderWithSpacesInsideBracesAllowed() throws InputException {
        assertThat(Template.render("mlgitops/{{environment}}/{{ model }}-{{version}} ({{  alias}})", VALUES))
                .isEqualTo("mlgitops/prod/churn-8 (champion)");
    }

    @Test
    void shouldLeaveSingleBracesAndGroovyInterpolationAlone() throws InputException {
        assertThat(Template.render("${env.BUILD} {x} s3://m/{{model}}/{{version}}", VALUES))
                .isEqualTo("${env.BUILD} {x} s3://m/churn/8");
    }

    @Test
    void shouldNameAnUnknownPlaceholderAndTheKnownOnes() {
        assertThatThrownBy(() -> Template.render("Promote {{modle}}", VALUES))
                .isInstanceOf(InputException.class)
                .hasMessage("Unknown placeholder {{modle}} in 'Promote {{modle}}'. Known placeholders: {{alias}}, "
                        + "{{environment}}, {{model}}, {{version}}.");
    }

    @Test
    void shouldRefuseAnUnclosedPlaceholder() {
        assertThatThrownBy(() -> Template.render("v{{version}} {{model", VALUES))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Unclosed placeholder in 'v{{version}} {{model'");
    }
}
