package io.mlgitops.canary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable state of a rollout, saved after every change so that a restarted run resumes where it was, and a dead
 * run leaves something the next run can roll back. Mutable; only the controller's thread changes it.
 */
final class RolloutState {
    /** Where a rollout is. */
    enum Phase {
        PROGRESSING,
        FROZEN
    }

    private String candidate;
    private Phase phase = Phase.PROGRESSING;
    private int stepIndex;
    private int weight;
    private Instant startedAt;
    private Instant stepStartedAt;
    private long heldMillis;
    private int failedAnalyses;
    private int consecutiveErrors;
    private boolean lastAnalysisPassed;
    private List<StepRecord> steps = new ArrayList<>();
    private List<Decision> decisions = new ArrayList<>();

    /** One step of the rollout: its weight and when it ran. */
    record StepRecord(int weight, Instant startedAt, Instant endedAt) {
    }

    static RolloutState start(final String candidate, final Instant now) {
        RolloutState state = new RolloutState();
        state.candidate = candidate;
        state.startedAt = now;
        return state;
    }

    /** Enters a step: the weight is set and its clock starts. */
    void enterStep(final int index, final int stepWeight, final Instant now) {
        endCurrentStep(now);
        stepIndex = index;
        weight = stepWeight;
        stepStartedAt = now;
        heldMillis = 0;
        lastAnalysisPassed = false;
        steps.add(new StepRecord(stepWeight, now, null));
    }

    void endCurrentStep(final Instant now) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1).endedAt() == null) {
            StepRecord current = steps.remove(steps.size() - 1);
            steps.add(new StepRecord(current.weight(), current.startedAt(), now));
        }
    }

    public String getCandidate() {
        return candidate;
    }

    public void setCandidate(final String value) {
        candidate = value;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(final Phase value) {
        phase = value;
    }

    public int getStepIndex() {
        return stepIndex;
    }

    public void setStepIndex(final int value) {
        stepIndex = value;
    }

    public int getWeight() {
        return weight;
    }

    public void setWeight(final int value) {
        weight = value;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(final Instant value) {
        startedAt = value;
    }

    public Instant getStepStartedAt() {
        return stepStartedAt;
    }

    public void setStepStartedAt(final Instant value) {
        stepStartedAt = value;
    }

    public long getHeldMillis() {
        return heldMillis;
    }

    public void setHeldMillis(final long value) {
        heldMillis = value;
    }

    public int getFailedAnalyses() {
        return failedAnalyses;
    }

    public void setFailedAnalyses(final int value) {
        failedAnalyses = value;
    }

    public int getConsecutiveErrors() {
        return consecutiveErrors;
    }

    public void setConsecutiveErrors(final int value) {
        consecutiveErrors = value;
    }

    public boolean isLastAnalysisPassed() {
        return lastAnalysisPassed;
    }

    public void setLastAnalysisPassed(final boolean value) {
        lastAnalysisPassed = value;
    }

    public List<StepRecord> getSteps() {
        return steps;
    }

    public void setSteps(final List<StepRecord> value) {
        steps = new ArrayList<>(value);
    }

    public List<Decision> getDecisions() {
        return decisions;
    }

    public void setDecisions(final List<Decision> value) {
        decisions = new ArrayList<>(value);
    }
}
