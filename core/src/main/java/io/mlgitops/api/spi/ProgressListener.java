package io.mlgitops.api.spi;

/**
 * Receives progress lines while a command runs: the CLI prints them to standard error, Jenkins to the build log.
 * Implementations must be safe to call from several threads.
 */
public interface ProgressListener {
    /** A listener that drops every line. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void info(final String line) {
            // dropped on purpose
        }

        @Override
        public void warn(final String line) {
            // dropped on purpose
        }
    };

    void info(String line);

    void warn(String line);
}
