package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills {@code {{model}}}, {@code {{version}}}, {@code {{environment}}}, {@code {{alias}}} (and any other given key)
 * into edit values, branch names and commit messages. Double braces, as in Flagger and Argo templates, so that Groovy
 * strings in a Jenkinsfile never interpolate them; spaces inside the braces are allowed ({@code {{ version }}}).
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    private Template() {
    }

    /**
     * @throws InputException naming the placeholder and the known ones when the text holds an unknown placeholder
     *                        or an unclosed {@code {{}
     */
    public static String render(final String text, final Map<String, String> values) throws InputException {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder(text.length() + 32);
        int copied = 0;
        while (matcher.find()) {
            String key = matcher.group(1).strip();
            String value = values.get(key);
            if (value == null) {
                throw new InputException(String.format("Unknown placeholder {{%s}} in '%s'. Known placeholders: %s.",
                        key, text, known(values)));
            }
            rendered.append(text, copied, matcher.start()).append(value);
            copied = matcher.end();
        }
        if (text.indexOf("{{", copied) >= 0) {
            throw new InputException(String.format("Unclosed placeholder in '%s': '{{' without '}}'. Known "
                    + "placeholders: %s.", text, known(values)));
        }
        return rendered.append(text, copied, text.length()).toString();
    }

    private static String known(final Map<String, String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return new TreeSet<>(values.keySet()).stream().map(key -> "{{" + key + "}}")
                .collect(Collectors.joining(", "));
    }
}
