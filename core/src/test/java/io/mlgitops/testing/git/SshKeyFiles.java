package io.mlgitops.testing.git;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

/** Generates SSH key pairs and writes their private keys in OpenSSH format, as ssh-keygen does. */
public final class SshKeyFiles {
    private SshKeyFiles() {
    }

    /**
     * @param type       {@code ecdsa-sha2-nistp256}, {@code ssh-ed25519} or {@code ssh-rsa}
     * @param bits       key size (256 for ECDSA P-256 and Ed25519)
     * @param passphrase encrypts the file when not {@code null}
     */
    public static KeyPair write(final Path file, final String type, final int bits, final String passphrase) {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(type, bits);
            OpenSSHKeyEncryptionContext encryption = null;
            if (passphrase != null) {
                encryption = new OpenSSHKeyEncryptionContext();
                encryption.setCipherType("256");
                encryption.setPassword(passphrase);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", encryption, out);
            }
            return pair;
        }
        catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
        catch (GeneralSecurityException unsupported) {
            throw new IllegalStateException("cannot generate a " + type + " key", unsupported);
        }
    }
}
