package io.jenkins.plugins.mlgitops.adapters;

import io.mlgitops.api.spi.ProgressListener;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The engine's progress lines in the build log, each prefixed with the step's name. On an agent the stream is the
 * remote end of the build's {@code TaskListener}, so lines appear in the log while the engine runs.
 */
public final class ConsoleLogProgress implements ProgressListener {
    private final PrintStream log;
    private final String prefix;

    public ConsoleLogProgress(final PrintStream log, final String functionName) {
        this.log = Objects.requireNonNull(log, "log");
        this.prefix = "[" + functionName + "] ";
    }

    @Override
    public synchronized void info(final String line) {
        log.println(prefix + line);
        log.flush();
    }

    @Override
    public synchronized void warn(final String line) {
        log.println(prefix + "warning: " + line);
        log.flush();
    }
}
