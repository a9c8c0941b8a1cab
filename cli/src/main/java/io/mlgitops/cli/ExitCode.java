package io.mlgitops.cli;

/** The exit codes of DESIGN §4. */
final class ExitCode {
    static final int PASSED = 0;
    static final int GATE_FAILED = 1;
    static final int USAGE = 2;
    static final int INPUT = 3;
    static final int INTERNAL = 4;

    private ExitCode() {
    }
}
