package io.mlgitops.net;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Says in a few words why a call got no answer, from the first cause in the chain that tells: a connect or request
 * timeout, a refused connection, an unknown host. Client libraries wrap these (and the JDK's HTTP client often
 * leaves their messages empty), so the chain is searched rather than the top exception read.
 */
public final class NetworkFailures {
    private NetworkFailures() {
    }

    public static String describe(final Throwable failure, final HttpSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + settings.connectTimeout().toMillis() + " ms";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no response within " + settings.requestTimeout().toMillis() + " ms";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause instanceof ConnectException) {
                return cause.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
            }
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
