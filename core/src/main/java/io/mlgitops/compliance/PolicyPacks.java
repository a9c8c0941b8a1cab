package io.mlgitops.compliance;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The policies that ship inside the engine, chosen by name ({@code --pack NAME}). */
public final class PolicyPacks {
    private static final List<String> NAMES = List.of("eu-ai-act-high-risk", "us-fair-lending", "gdpr-baseline",
            "security-baseline");

    private PolicyPacks() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * @throws InputException when no pack has this name; the message lists the packs
     */
    public static Policy load(final String name) throws InputException {
        if (!NAMES.contains(name)) {
            throw new InputException("There is no built-in policy pack '" + name + "'. Packs: "
                    + String.join(", ", NAMES) + ".");
        }
        try (InputStream in = PolicyPacks.class.getResourceAsStream("packs/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("The pack " + name + " is missing from the engine's jar");
            }
            return PolicyReader.read("pack " + name, in.readAllBytes());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("The pack " + name + " cannot be read from the engine's jar", unreadable);
        }
    }
}
