package io.jenkins.plugins.mlgitops.steps.engine;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * When the next round of an {@code mlCanary} runs, and when the step ends: the Jenkins-free half of the step's
 * execution, kept in the build's program state with it. Rounds start one analysis interval apart (a round that took
 * longer, as the local router's do, is followed at once); a round that could not run at all (the agent is offline,
 * the channel broke) is tried again an interval later, up to a limit in a row, since the rollout's state is safe in
 * the cluster or the state file. Times are milliseconds of the caller's clock, so tests drive it by hand.
 */
public final class CanaryRounds implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rounds in a row that may fail to run before the step gives up. */
    public static final int MAX_UNRUN_ROUNDS = 5;

    private final long intervalMillis;
    private long nextRunAt;
    private int rounds;
    private int unrunInARow;
    private String lastSummary = "";

    /** The first round runs at {@code now}. */
    public CanaryRounds(final Duration interval, final long now) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the analysis interval must be positive, got " + interval);
        }
        this.intervalMillis = interval.toMillis();
        this.nextRunAt = now;
    }

    /** What the execution does after a round. */
    public enum Action {
        /** Schedule the next round after {@link Next#delayMillis()}. */
        AGAIN,
        /** The rollout ended: finish the step with the outcome. */
        FINISH,
        /** Too many rounds could not run: fail the step (the rollout's state is left where it is). */
        GIVE_UP
    }

    /**
     * The decision after a round.
     *
     * @param action      what to do
     * @param delayMillis for {@link Action#AGAIN}: how long until the next round
     * @param message     for {@link Action#GIVE_UP}: why
     */
    public record Next(Action action, long delayMillis, String message) {
    }

    /** How long until the next round is due, never negative (a round overdue after a restart runs at once). */
    public long delayMillis(final long now) {
        return Math.max(0, nextRunAt - now);
    }

    /**
     * After a round that ran: finish on an ended rollout or an engine error, else schedule the next one an interval
     * after this one started.
     *
     * @param startedAt when the round started
     * @param now       when it returned
     * @param outcome   what it returned
     */
    public Next afterRound(final long startedAt, final long now, final StepOutcome outcome) {
        rounds++;
        unrunInARow = 0;
        lastSummary = outcome.summary().isEmpty() ? "" : outcome.summary().get(0);
        if (!CanaryRequest.IN_PROGRESS.equals(outcome.status())) {
            return new Next(Action.FINISH, 0, "");
        }
        nextRunAt = Math.max(now, startedAt + intervalMillis);
        return new Next(Action.AGAIN, delayMillis(now), "");
    }

    /** After a round that could not run (no workspace, a broken channel): try again an interval later, or give up. */
    public Next afterUnrunRound(final long now, final String why) {
        unrunInARow++;
        if (unrunInARow >= MAX_UNRUN_ROUNDS) {
            return new Next(Action.GIVE_UP, 0, unrunInARow + " rounds in a row could not run; last: " + why
                    + ". The rollout's state is kept: run the step again to resume it, or roll it back with the "
                    + "engine's abort.");
        }
        nextRunAt = now + intervalMillis;
        return new Next(Action.AGAIN, intervalMillis, "");
    }

    public int rounds() {
        return rounds;
    }

    /** For the step's status: rounds so far, where the rollout is and when the next round runs. */
    public String status(final long now) {
        return String.format("%d round%s; %snext round in %d s", rounds, rounds == 1 ? "" : "s",
                lastSummary.isEmpty() ? "" : lastSummary + " ", delayMillis(now) / 1000);
    }
}
