package io.mlgitops.benchmark;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.report.Message;

import java.util.ArrayList;
import java.util.List;

/** Lines worth keeping in the report, also shown as progress while the run goes on. Safe for several threads. */
final class RunLog {
    private final ProgressListener progress;
    private final List<Message> messages = new ArrayList<>();

    RunLog(final ProgressListener progress) {
        this.progress = progress;
    }

    synchronized void info(final String text) {
        progress.info(text);
        messages.add(Message.info(text));
    }

    synchronized void warning(final String text) {
        progress.warn(text);
        messages.add(Message.warning(text));
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }
}
