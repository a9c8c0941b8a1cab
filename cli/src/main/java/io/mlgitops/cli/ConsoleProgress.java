package io.mlgitops.cli;

import io.mlgitops.api.spi.ProgressListener;

import java.io.PrintWriter;

/** Progress lines on standard error, so that standard output stays clean for the summary or JSON. */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter err;

    ConsoleProgress(final PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void info(final String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void warn(final String line) {
        err.println("warning: " + line);
        err.flush();
    }
}
