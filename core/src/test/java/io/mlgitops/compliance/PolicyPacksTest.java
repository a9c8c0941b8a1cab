package io.mlgitops.compliance;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyPacksTest {
    @Test
    void shouldLoadEveryPackWithEveryRuleCitingWhatItServes() throws Exception {
        for (String name : PolicyPacks.names()) {
            Policy pack = PolicyPacks.load(name);

            assertThat(pack.name()).isEqualTo(name);
            assertThat(pack.source()).isEqualTo("pack " + name);
            assertThat(pack.sha256()).hasSize(64);
            assertThat(pack.rules()).as(name).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule.cites()).as(name + " " + rule.id()).isNotEmpty();
                assertThat(rule.description()).as(name + " " + rule.id()).isNotBlank();
            });
        }
        assertThat(PolicyPacks.names()).containsExactly("eu-ai-act-high-risk", "us-fair-lending", "gdpr-baseline",
                "security-baseline");
    }

    @Test
    void shouldListThePacksWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> PolicyPacks.load("../packs/eu-ai-act-high-risk")).isInstanceOf(InputException.class)
                .hasMessageContainingAll("no built-in policy pack", "eu-ai-act-high-risk, us-fair-lending");
    }
}
