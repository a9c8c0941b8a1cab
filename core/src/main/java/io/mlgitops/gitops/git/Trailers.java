package io.mlgitops.gitops.git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trailers of a commit message, by git's rules ({@code git interpret-trailers}): the last paragraph, when it is
 * not the subject, is the trailer block if all its lines are {@code Key: value} trailers (a line starting with
 * whitespace continues the previous value), or if at least a quarter are and one of them is git-generated
 * ({@code Signed-off-by:}, {@code (cherry picked from commit ...)}). Keys compare case-insensitively.
 */
final class Trailers {
    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s*(.*)$");
    private static final String SIGNED_OFF = "signed-off-by:";
    private static final String CHERRY_PICKED = "(cherry picked from commit ";

    /** One trailer. */
    record Trailer(String key, String value) {
        boolean is(final String wantedKey, final String wantedValue) {
            return key.equalsIgnoreCase(wantedKey) && value.equals(wantedValue);
        }
    }

    private Trailers() {
    }

    static List<Trailer> parse(final String message) {
        List<String> lines = new ArrayList<>(List.of(message.split("\r?\n", -1)));
        lines.removeIf(line -> line.startsWith("#"));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int start = lines.size();
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        if (start == 0) {
            return List.of();
        }
        return block(lines.subList(start, lines.size()));
    }

    private static List<Trailer> block(final List<String> paragraph) {
        List<Trailer> trailers = new ArrayList<>();
        int other = 0;
        boolean generated = false;
        int cherryPicks = 0;
        for (String line : paragraph) {
            String lower = line.toLowerCase(Locale.ROOT);
            generated |= lower.startsWith(SIGNED_OFF);
            Matcher trailer = TRAILER.matcher(line);
            if (lower.startsWith(CHERRY_PICKED)) {
                generated = true;
                cherryPicks++;
            }
            else if (trailer.matches()) {
                trailers.add(new Trailer(trailer.group(1), trailer.group(2).strip()));
            }
            else if (Character.isWhitespace(line.charAt(0)) && !trailers.isEmpty()) {
                Trailer last = trailers.remove(trailers.size() - 1);
                trailers.add(new Trailer(last.key(), (last.value() + " " + line.strip()).strip()));
            }
            else {
                other++;
            }
        }
        boolean allTrailers = other == 0 && !trailers.isEmpty();
        boolean enough = generated && (trailers.size() + cherryPicks) * 3 >= other;
        return allTrailers || enough ? List.copyOf(trailers) : List.of();
    }

    /** The first value of each key, for {@link io.mlgitops.gitops.CommitInfo}. */
    static Map<String, String> firstValues(final List<Trailer> trailers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Trailer trailer : trailers) {
            values.putIfAbsent(trailer.key(), trailer.value());
        }
        return values;
    }
}
