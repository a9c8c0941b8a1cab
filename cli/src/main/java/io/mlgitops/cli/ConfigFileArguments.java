package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a YAML file of options into command-line arguments: each key is an option's long name without the dashes,
 * each value a scalar, a list (the option repeated), or a map (written {@code key=value,...}, as the option takes it).
 * Options given on the command line win: a key whose option is already there is left out.
 */
final class ConfigFileArguments {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFileArguments() {
    }

    /**
     * @param file    the YAML file
     * @param command the command line arguments after the command name
     * @return the arguments of the file that the command line does not override, followed by the command line
     */
    static String[] merge(final Path file, final String[] command) throws InputException, InvalidSettingsException {
        JsonNode root = read(file);
        Set<String> given = new HashSet<>();
        for (String argument : command) {
            if (argument.startsWith("--")) {
                int equals = argument.indexOf('=');
                given.add(equals > 0 ? argument.substring(2, equals) : argument.substring(2));
            }
        }
        List<String> merged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String option = entry.getKey();
            if (given.contains(option) || "config".equals(option)) {
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                for (JsonNode element : value) {
                    merged.add("--" + option);
                    merged.add(text(element, file, option));
                }
            }
            else if (value.isBoolean()) {
                if (value.asBoolean()) {
                    merged.add("--" + option);
                }
            }
            else {
                merged.add("--" + option);
                merged.add(text(value, file, option));
            }
        }
        merged.addAll(List.of(command));
        return merged.toArray(String[]::new);
    }

    private static JsonNode read(final Path file) throws InputException, InvalidSettingsException {
        try {
            JsonNode root = YAML.readTree(Files.newBufferedReader(file));
            if (root == null || !root.isObject()) {
                throw new InvalidSettingsException(file + " must hold a mapping of option names to values, such as "
                        + "'steps: [1, 5, 25, 100]'.");
            }
            return root;
        }
        catch (IOException unreadable) {
            throw new InputException("Cannot read the configuration " + file + ": " + unreadable.getMessage()
                    + ". Check the path and the YAML syntax.", unreadable);
        }
    }

    /** A scalar as is; a mapping as {@code key=value,...}, a list inside a mapping joined with commas. */
    private static String text(final JsonNode value, final Path file, final String option)
            throws InvalidSettingsException {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject()) {
            List<String> pairs = new ArrayList<>();
            String name = null;
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if ("name".equals(field.getKey())) {
                    name = field.getValue().asText();
                }
                else if (field.getValue().isValueNode()) {
                    pairs.add(field.getKey() + "=" + field.getValue().asText());
                }
                else {
                    throw new InvalidSettingsException(file + ": option '" + option + "' has a nested value under '"
                            + field.getKey() + "'; write scalars only.");
                }
            }
            return name == null ? String.join(",", pairs) : name + ":" + String.join(",", pairs);
        }
        throw new InvalidSettingsException(file + ": option '" + option + "' holds a list inside a list; write one "
                + "value per list element.");
    }
}
