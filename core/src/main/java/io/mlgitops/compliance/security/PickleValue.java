package io.mlgitops.compliance.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pickle scanner keeps of a value on the unpickling stack. Nothing is built or called: the scanner keeps
 * texts and small integers (the operands of {@code STACK_GLOBAL}, the shape and dtype of joblib arrays), imports,
 * the first items of containers and the calls the stream asks for, and a placeholder for everything else.
 */
sealed interface PickleValue {
    /** How many items of a container, and how long a text, are kept; enough for names, shapes and dtypes. */
    int KEPT = 64;
    int KEPT_TEXT = 1024;

    /** A value the scanner does not need: a number, bytes, None, a persistent id, a long text. */
    PickleValue OTHER = new Other();

    /** A text of at most {@link #KEPT_TEXT} characters. */
    record Text(String value) implements PickleValue {
    }

    /** An integer that fits in a long. */
    record Int(long value) implements PickleValue {
    }

    /** An imported class or function. */
    record Global(PickleGlobal global) implements PickleValue {
    }

    /** A value the scanner does not need. */
    final class Other implements PickleValue {
        private Other() {
        }
    }

    /** A tuple, list, set or frozenset; only the first {@link #KEPT} items are kept. */
    final class Items implements PickleValue {
        private final List<PickleValue> kept = new ArrayList<>();
        private long size;

        Items(final List<PickleValue> items) {
            items.forEach(this::add);
        }

        void add(final PickleValue item) {
            if (kept.size() < KEPT) {
                kept.add(item);
            }
            size++;
        }

        /** The items, when all of them were kept. */
        boolean complete() {
            return kept.size() == size;
        }

        List<PickleValue> kept() {
            return kept;
        }
    }

    /** A dict; only the first {@link #KEPT} entries with text keys are kept. */
    final class Dict implements PickleValue {
        private final Map<String, PickleValue> kept = new HashMap<>();

        void put(final PickleValue key, final PickleValue value) {
            if (key instanceof Text text && (kept.size() < KEPT || kept.containsKey(text.value()))) {
                kept.put(text.value(), value);
            }
        }

        PickleValue get(final String key) {
            return kept.getOrDefault(key, OTHER);
        }
    }

    /**
     * What a call ({@code REDUCE}, {@code NEWOBJ}, {@code OBJ}, {@code INST}) would return: the class or function
     * called, when it is an import, its positional arguments and the state a later {@code BUILD} gives it.
     */
    final class Instance implements PickleValue {
        private final PickleGlobal type;
        private final List<PickleValue> arguments;
        private PickleValue state = OTHER;

        Instance(final PickleGlobal type, final List<PickleValue> arguments) {
            this.type = type;
            this.arguments = arguments;
        }

        /** Whether the call is to the class or function {@code module.name}. */
        boolean is(final String module, final String name) {
            return type != null && type.module().equals(module) && type.name().equals(name);
        }

        List<PickleValue> arguments() {
            return arguments;
        }

        PickleValue state() {
            return state;
        }

        void build(final PickleValue newState) {
            state = newState;
        }
    }
}
