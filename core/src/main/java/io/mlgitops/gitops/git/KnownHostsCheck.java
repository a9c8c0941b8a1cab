package io.mlgitops.gitops.git;

import io.mlgitops.api.spi.ProgressListener;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifies SSH host keys against one known_hosts file (OpenSSH format: plain or hashed host names, {@code [host]:port},
 * {@code @revoked} markers), never asking and never writing to it. A host key must match an entry for the host name
 * or its address, or the connection is refused and the reason kept for the error message. With checking turned off,
 * every key is accepted with a warning.
 */
final class KnownHostsCheck implements ServerKeyDatabase {
    private static final int DEFAULT_PORT = 22;
    private static final String REVOKED = "revoked";

    private final Path knownHosts;
    private final boolean strict;
    private final ProgressListener progress;
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    KnownHostsCheck(final Path knownHosts, final boolean strict, final ProgressListener progress) {
        this.knownHosts = knownHosts;
        this.strict = strict;
        this.progress = progress;
    }

    @Override
    public List<PublicKey> lookup(final String connectAddress, final InetSocketAddress remoteAddress,
            final Configuration config) {
        if (!strict) {
            return List.of();
        }
        try {
            return keysFor(connectAddress, remoteAddress, false);
        }
        catch (IOException unreadable) {
            return List.of();
        }
    }

    @Override
    public boolean accept(final String connectAddress, final InetSocketAddress remoteAddress,
            final PublicKey serverKey, final Configuration config, final CredentialsProvider provider) {
        String key = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        if (!strict) {
            if (!warned.getAndSet(true)) {
                progress.warn("SSH host-key checking is off: accepting the " + key + " key of " + connectAddress
                        + " without verifying it.");
            }
            return true;
        }
        try {
            for (PublicKey revoked : keysFor(connectAddress, remoteAddress, true)) {
                if (KeyUtils.compareKeys(revoked, serverKey)) {
                    return refuse("The SSH host key of " + connectAddress + " (" + key + ") is marked @revoked in "
                            + "the known_hosts file " + knownHosts + ": do not connect until its owner has replaced it.");
                }
            }
            List<PublicKey> known = keysFor(connectAddress, remoteAddress, false);
            for (PublicKey candidate : known) {
                if (KeyUtils.compareKeys(candidate, serverKey)) {
                    return true;
                }
            }
            return refuse(String.format("The SSH host key of %s (%s) %s the known_hosts file %s. If you trust it, "
                    + "add it with: ssh-keyscan%s %s >> %s (compare its fingerprint with the one your Git host "
                    + "publishes), or turn strict host-key checking off.", connectAddress, key,
                    known.isEmpty() ? "is not in" : "does not match the entries for that host in", knownHosts,
                    remoteAddress.getPort() == DEFAULT_PORT ? "" : " -p " + remoteAddress.getPort(),
                    hostName(connectAddress), knownHosts));
        }
        catch (NoSuchFileException missing) {
            return refuse("The known_hosts file " + knownHosts + " does not exist, so the SSH host key of "
                    + connectAddress + " (" + key + ") cannot be verified: create it with ssh-keyscan, name another "
                    + "file, or turn strict host-key checking off.");
        }
        catch (IOException unreadable) {
            return refuse("Cannot read the known_hosts file " + knownHosts + " (" + unreadable.getMessage()
                    + "): check its path and permissions.");
        }
    }

    /** Why the last host key was refused, if one was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    private boolean refuse(final String reason) {
        refusal.set(reason);
        return false;
    }

    private List<PublicKey> keysFor(final String connectAddress, final InetSocketAddress remoteAddress,
            final boolean revoked) throws IOException {
        if (!Files.exists(knownHosts)) {
            throw new NoSuchFileException(knownHosts.toString());
        }
        Map<String, Integer> candidates = candidates(connectAddress, remoteAddress);
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
            boolean wanted = revoked ? REVOKED.equals(entry.getMarker()) : entry.getMarker() == null;
            if (!wanted) {
                continue;
            }
            boolean matches = candidates.entrySet().stream()
                    .anyMatch(host -> entry.isHostMatch(host.getKey(), host.getValue()));
            PublicKey key = matches ? resolve(entry.getKeyEntry()) : null;
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static PublicKey resolve(final AuthorizedKeyEntry entry) {
        if (entry == null) {
            return null;
        }
        try {
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        }
        catch (IOException | GeneralSecurityException unreadable) {
            return null;
        }
    }

    /** The host name as connected to, and the address it resolved to, each with the port. */
    private static Map<String, Integer> candidates(final String connectAddress,
            final InetSocketAddress remoteAddress) {
        Map<String, Integer> hosts = new LinkedHashMap<>();
        hosts.put(hostName(connectAddress), remoteAddress.getPort());
        hosts.put(remoteAddress.getHostString(), remoteAddress.getPort());
        if (remoteAddress.getAddress() != null) {
            hosts.put(remoteAddress.getAddress().getHostAddress(), remoteAddress.getPort());
        }
        return hosts;
    }

    /** {@code host} out of {@code host}, {@code host:port} or {@code [host]:port}. */
    private static String hostName(final String connectAddress) {
        if (connectAddress.startsWith("[") && connectAddress.indexOf(']') > 0) {
            return connectAddress.substring(1, connectAddress.indexOf(']'));
        }
        int colon = connectAddress.lastIndexOf(':');
        return colon > 0 && connectAddress.indexOf(':') == colon ? connectAddress.substring(0, colon)
                : connectAddress;
    }
}
