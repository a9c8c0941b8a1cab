package io.mlgitops.cli;

/**
 * Entry point of the {@code mlgitops} command.
 */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        System.exit(0);
    }
}
