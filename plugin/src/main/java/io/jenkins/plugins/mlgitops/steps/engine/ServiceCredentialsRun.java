package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An engine run with the configured credentials of the servers it calls laid over the build's secrets, for this run
 * only: they travel to the agent with the run and are masked in what it prints.
 */
public final class ServiceCredentialsRun implements EngineRun {
    private static final long serialVersionUID = 1L;

    private final EngineRun run;
    private final ServiceCredentials credentials;

    private ServiceCredentialsRun(final EngineRun run, final ServiceCredentials credentials) {
        this.run = Objects.requireNonNull(run, "run");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The run with the credentials; the run itself when there are none. */
    public static EngineRun of(final EngineRun run, final ServiceCredentials credentials) {
        return credentials == ServiceCredentials.NONE ? run : new ServiceCredentialsRun(run, credentials);
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        return run.run(workspace, credentials.over(secrets), progress);
    }

    @Override
    public List<String> secretValues() {
        List<String> values = new ArrayList<>(run.secretValues());
        values.addAll(credentials.secretValues());
        return values;
    }
}
