package io.mlgitops.api;

/**
 * The engine's entry point. Each method hands out a new single-use command: set its inputs, then {@code call()} it
 * once for an immutable result.
 *
 * <pre>{@code
 * Report<BenchmarkResults> report = MlGitOps.benchmark()
 *         .dataset(Path.of("test.csv")).target("churned")
 *         .champion("models:/churn@champion").candidate("models:/churn/7")
 *         .call();
 * }</pre>
 */
public final class MlGitOps {
    private MlGitOps() {
    }

    /** Compares a candidate model with the champion on the same evaluation data and applies the gates. */
    public static BenchmarkCommand benchmark() {
        return new BenchmarkCommand();
    }

    /** Judges a model release against compliance policies and built-in packs. */
    public static ComplianceCommand compliance() {
        return new ComplianceCommand();
    }

    /** Promotes a model version into an environment through the GitOps repository and the registry. */
    public static PromoteCommand promote() {
        return new PromoteCommand();
    }

    /** Rolls a promotion back in git and in the registry. */
    public static RollbackCommand rollback() {
        return new RollbackCommand();
    }

    /** Rolls a candidate out step by step with analysis, or follows a rollout Flagger or Argo Rollouts drives. */
    public static CanaryCommand canary() {
        return new CanaryCommand();
    }
}
