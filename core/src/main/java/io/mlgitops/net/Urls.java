package io.mlgitops.net;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * URL helpers: the form shown to users (no user information, query or fragment, which may carry secrets) and
 * encoding of query parameters and path segments.
 */
public final class Urls {
    private Urls() {
    }

    /** {@code scheme://host:port/path}, without user information, query or fragment. */
    public static String redact(final URI uri) {
        StringBuilder shown = new StringBuilder();
        if (uri.getScheme() != null) {
            shown.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            shown.append(uri.getHost());
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            shown.append(uri.getRawPath());
        }
        return shown.toString();
    }

    /** A location that may not parse as a URI (a local path, a store URI), without user information or query. */
    public static String redact(final String location) {
        return location.replaceFirst("://[^/@]*@", "://").replaceFirst("[?#].*$", "");
    }

    /** {@code base} (without a trailing slash) followed by {@code path} and the encoded query parameters. */
    public static URI resolve(final URI base, final String path, final Map<String, String> query) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
        return URI.create(root + path + parameters);
    }

    /** Query parameters in the given order, from alternating names and values. */
    public static Map<String, String> query(final String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** Percent-encodes every segment of a slash-separated path, keeping the slashes. */
    public static String encodePath(final String path) {
        StringJoiner encoded = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            encoded.add(encode(segment));
        }
        return encoded.toString();
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
