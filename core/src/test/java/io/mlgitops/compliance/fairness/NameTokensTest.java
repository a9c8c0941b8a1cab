package io.mlgitops.compliance.fairness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Column names split into lower-case words. */
class NameTokensTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age|age",
        "age_band|age band",
        "customerAge|customer age",
        "HealthStatus|health status",
        "patient-health-status|patient health status",
        "patient.health status|patient health status",
        "HTTPStatusCode|http status code",
        "SSN|ssn",
        "ageBand2|age band 2",
        "__weird--name..|weird name",
        "Straße_Größe|straße größe"
    })
    void shouldSplitAtSeparatorsCaseChangesAndDigits(final String name, final String words) {
        assertThat(NameTokens.of(name)).containsExactlyElementsOf(Arrays.asList(words.split(" ")));
    }
}
