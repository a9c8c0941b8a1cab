package io.mlgitops.compliance.security;

import java.util.Objects;

/**
 * An object a pickle imports when it is loaded ({@code GLOBAL}, {@code INST}, {@code STACK_GLOBAL}): a class or a
 * function, named {@code module.name}. An import whose names the scanner cannot read (a {@code STACK_GLOBAL} operand
 * that is not a string, a copyreg extension code) is not {@code known}; its unreadable parts are {@code unknown}.
 */
record PickleGlobal(String module, String name, boolean known) {
    static final String UNKNOWN = "unknown";

    PickleGlobal {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
    }

    static PickleGlobal of(final String module, final String name) {
        return new PickleGlobal(module, name, true);
    }

    /** An import whose module or name is unreadable; pass {@code null} for an unreadable part. */
    static PickleGlobal unknown(final String module, final String name) {
        return new PickleGlobal(module == null ? UNKNOWN : module, name == null ? UNKNOWN : name, false);
    }

    /** {@code module.name}, what a waiver matches. */
    String key() {
        return module + "." + name;
    }
}
