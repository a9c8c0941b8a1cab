package io.mlgitops.gitops.argocd;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.ApplicationSync;
import io.mlgitops.gitops.IgnoredDifference;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.SyncOutcome;
import io.mlgitops.gitops.SyncOutcome.Ending;
import io.mlgitops.net.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Waits for Argo CD by reading the {@code Application} through the Kubernetes API at a fixed interval.
 *
 * <p>Polling rather than a watch: one small GET every couple of seconds is nothing next to Argo CD's own pace (it
 * reconciles every few minutes, or seconds after a webhook), it needs only {@code get} permission, it survives
 * proxies and load balancers that cut long-lived watch connections, and every read is a fresh, complete state, so
 * there is no resource version to resume and no missed event to worry about.
 */
public final class ArgoCdApplicationSync implements ApplicationSync {
    private final KubernetesApi api;
    private final Applications applications;
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param sleeper waits between two reads while polling ({@code api} has its own for retries)
     */
    ArgoCdApplicationSync(final KubernetesApi api, final KubernetesSettings settings, final Sleeper sleeper,
            final Clock clock) {
        this.api = api;
        this.applications = new Applications(api, settings.namespace());
        this.pollInterval = settings.pollInterval();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * A client of the cluster that {@code settings} names (kubeconfig file and context, else the usual discovery).
     *
     * @throws InputException when the kubeconfig file is missing or unreadable, or has no such context
     */
    public static ArgoCdApplicationSync create(final KubernetesSettings settings) throws InputException {
        return new ArgoCdApplicationSync(KubernetesApi.connect(settings), settings, Sleeper.THREAD,
                Clock.systemUTC());
    }

    @Override
    public SyncOutcome await(final String application, final String revision, final RevisionCheck includes,
            final Duration timeout, final ProgressListener progress) throws MlGitOpsException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        SyncJudge judge = new SyncJudge(includes, start);
        String name = applications.qualified(application);
        progress.info(String.format("Waiting up to %s for Argo CD application %s to sync revision %s and be "
                + "healthy", readable(timeout), name, ApplicationState.shortened(revision)));
        String reported = null;
        while (true) {
            ApplicationState state = ApplicationState.of(applications.read(application));
            if (!state.summary().equals(reported)) {
                reported = state.summary();
                progress.info("Argo CD application " + name + ": " + reported);
            }
            Optional<Ending> ending = judge.judge(state);
            Instant now = clock.instant();
            if (ending.isPresent() || !now.isBefore(deadline)) {
                return outcome(name, ending.orElse(Ending.TIMED_OUT), state, Duration.between(start, now));
            }
            pause(min(pollInterval, Duration.between(now, deadline)), name);
        }
    }

    @Override
    public List<IgnoredDifference> ignoredDifferences(final String application) throws MlGitOpsException {
        return ApplicationSpec.ignoredDifferences(applications.read(application));
    }

    @Override
    public void close() {
        api.close();
    }

    private static SyncOutcome outcome(final String name, final Ending ending, final ApplicationState state,
            final Duration waited) {
        return new SyncOutcome(name, ending, state.syncStatus(), state.healthStatus(), state.revisions(),
                state.operationPhase(), state.operationMessage(), state.healthMessage(), state.conditions(),
                state.resourceMessages(), waited);
    }

    private void pause(final Duration wait, final String name) throws InputException {
        try {
            sleeper.sleep(wait);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while waiting for Argo CD application " + name, interrupted);
        }
    }

    private static String readable(final Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static Duration min(final Duration first, final Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
