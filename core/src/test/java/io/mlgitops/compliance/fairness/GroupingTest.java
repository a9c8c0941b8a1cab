package io.mlgitops.compliance.fairness;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows split into groups by sensitive values. */
class GroupingTest {
    private static List<String> names(final Grouping grouping) {
        return IntStream.range(0, grouping.groupCount()).mapToObj(grouping::groupName).toList();
    }

    private static List<Integer> groups(final Grouping grouping, final int rows) {
        return IntStream.range(0, rows).map(grouping::groupOf).boxed().toList();
    }

    @Test
    void shouldOrderNumbersNumericallyAndJoinBothZeros() {
        Column region = new NumericColumn("region", new double[] {10, 9, Double.NaN, 2, -1.5, 0.0, -0.0, 9});

        Grouping grouping = Grouping.of(List.of(region));

        assertThat(names(grouping)).containsExactly("region=-1.5", "region=0.0", "region=2.0", "region=9.0",
                "region=10.0");
        assertThat(groups(grouping, 8)).containsExactly(4, 3, -1, 2, 0, 1, 1, 3);
        assertThat(grouping.missingRows()).isEqualTo(1);
    }

    @Test
    void shouldOrderTextsAlphabeticallyWhateverTheirDictionaryOrder() {
        Column gender = new TextColumn("gender", "data.csv", new int[] {0, 1, -1, 2, 0}, new String[] {"M", "F", "X"});

        Grouping grouping = Grouping.of(List.of(gender));

        assertThat(names(grouping)).containsExactly("gender=F", "gender=M", "gender=X");
        assertThat(groups(grouping, 5)).containsExactly(1, 0, -1, 2, 1);
        assertThat(grouping.name()).isEqualTo("gender");
    }

    @Test
    void shouldFormTheCombinationsThatOccurAndLeaveOutRowsMissingAnyValue() {
        Column gender = new TextColumn("gender", "data.csv", new int[] {0, 1, 0, 1, 0}, new String[] {"M", "F"});
        Column band = new NumericColumn("band", new double[] {2, 1, 1, Double.NaN, 2});

        Grouping grouping = Grouping.of(List.of(gender, band));

        assertThat(grouping.name()).isEqualTo("gender+band");
        assertThat(names(grouping)).containsExactly("gender=F+band=1", "gender=M+band=1", "gender=M+band=2");
        assertThat(groups(grouping, 5)).containsExactly(2, 0, 1, -1, 2);
        assertThat(grouping.missingRows()).isEqualTo(1);
    }
}
