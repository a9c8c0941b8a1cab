package io.mlgitops.report;

import io.mlgitops.api.spi.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/** Lines worth keeping in the report, also shown as progress while the run goes on. Safe for several threads. */
public final class ReportLog {
    private final ProgressListener progress;
    private final List<Message> messages = new ArrayList<>();

    public ReportLog(final ProgressListener progress) {
        this.progress = progress;
    }

    public synchronized void info(final String text) {
        progress.info(text);
        messages.add(Message.info(text));
    }

    public synchronized void warning(final String text) {
        progress.warn(text);
        messages.add(Message.warning(text));
    }

    /** This log as a progress listener, for engine parts that report progress: their lines are kept too. */
    public ProgressListener asListener() {
        return new ProgressListener() {
            @Override
            public void info(final String line) {
                ReportLog.this.info(line);
            }

            @Override
            public void warn(final String line) {
                warning(line);
            }
        };
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }
}
