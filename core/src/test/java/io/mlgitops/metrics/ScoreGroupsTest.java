package io.mlgitops.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreGroupsTest {
    @Test
    void shouldOrderRowsByScoreAndGroupTies() {
        double[] scores = {0.5, -2.0, 0.0, 1e300, -0.0, 0.5, -1e-300, Double.MIN_VALUE, 0.5};

        ScoreGroups groups = ScoreGroups.of(scores);

        assertThat(positions(groups)).containsExactly(1, 6, 2, 4, 7, 0, 5, 8, 3);
        assertThat(groups.groups()).isEqualTo(6);
        assertThat(groups.start(2)).isEqualTo(2);
        assertThat(groups.end(2)).as("-0.0 and 0.0 tie").isEqualTo(4);
        assertThat(groups.end(4) - groups.start(4)).isEqualTo(3);
    }

    @Test
    void shouldMatchAStableSortOnRandomScores() {
        Random random = new Random(5);
        double[] scores = new double[20_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextBoolean() ? Math.round(random.nextGaussian() * 100) / 100.0
                    : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
        }
        List<Integer> expected = new ArrayList<>();
        for (int row = 0; row < scores.length; row++) {
            expected.add(row);
        }
        expected.sort(Comparator.comparingDouble(row -> scores[row]));

        ScoreGroups groups = ScoreGroups.of(scores);

        assertThat(positions(groups)).containsExactlyElementsOf(expected);
        assertThat(groups.groups()).isEqualTo((int) Arrays.stream(scores).distinct().count());
    }

    @Test
    void shouldHandleNoRows() {
        ScoreGroups groups = ScoreGroups.of(new double[0]);

        assertThat(groups.rows()).isZero();
        assertThat(groups.groups()).isZero();
    }

    private static List<Integer> positions(final ScoreGroups groups) {
        List<Integer> rows = new ArrayList<>();
        for (int position = 0; position < groups.rows(); position++) {
            rows.add(groups.rowAt(position));
        }
        return rows;
    }
}
