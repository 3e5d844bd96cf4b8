package io.paperjam.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the JSON port speaks TLS: with a PEM certificate (chain) and PEM private key the operator
 * gives, or with a self-signed pair the server makes for itself in {@code <spool>/tls/} (for tests
 * and trying things out; clients pin its certificate with {@code --tls-trust}).
 *
 * @param certificateFile PEM certificate chain, the server's own certificate first; null when self-signed
 * @param keyFile         PEM private key (PKCS#8, unencrypted) of that certificate; null when self-signed
 * @param selfSigned      make (once) and use a self-signed pair in {@code <spool>/tls/}
 */
public record TlsSettings(Path certificateFile, Path keyFile, boolean selfSigned) {

    /** The folder inside the spool that holds a self-signed pair. */
    public static final String SELF_SIGNED_DIR = "tls";
    /** The self-signed certificate's file name, the one clients pass to {@code --tls-trust}. */
    public static final String CERTIFICATE_FILE = "cert.pem";
    /** The self-signed private key's file name (owner-only). */
    public static final String KEY_FILE = "key.pem";

    public TlsSettings {
        if (selfSigned ? certificateFile != null || keyFile != null : certificateFile == null || keyFile == null) {
            throw new IllegalArgumentException("TLS needs a certificate and a key file, or self-signed, not both");
        }
    }

    /** TLS with the operator's certificate and key. */
    public static TlsSettings files(Path certificateFile, Path keyFile) {
        return new TlsSettings(Objects.requireNonNull(certificateFile, "certificateFile"),
                Objects.requireNonNull(keyFile, "keyFile"), false);
    }

    /** TLS with a self-signed pair kept in {@code <spool>/tls/}, made on the first start. */
    public static TlsSettings selfSignedInSpool() {
        return new TlsSettings(null, null, true);
    }

    /** Where the self-signed certificate of the spool {@code spoolDir} lives. */
    public static Path selfSignedCertificate(Path spoolDir) {
        return spoolDir.resolve(SELF_SIGNED_DIR).resolve(CERTIFICATE_FILE);
    }
}
