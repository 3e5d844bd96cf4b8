package io.paperjam.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a client speaks TLS to the printer's JSON port: trusting the system's certificate authorities,
 * or exactly the certificates in one PEM file (pinning the server's own, for example the one a
 * {@code --tls-self-signed} server keeps in {@code <spool>/tls/cert.pem}). Either way the
 * certificate must name the host connected to.
 *
 * @param trustFile a PEM file of certificates to trust, or null for the system's trust store
 */
public record ClientTls(Path trustFile) {

    /** Trusts the certificate authorities the Java runtime trusts. */
    public static ClientTls systemTrust() {
        return new ClientTls(null);
    }

    /** Trusts exactly the certificates in {@code pemFile}. */
    public static ClientTls trusting(Path pemFile) {
        return new ClientTls(Objects.requireNonNull(pemFile, "pemFile"));
    }

    /** "the system's trust store" or "trust file FILE", for error messages. */
    String describeTrust() {
        return trustFile == null ? "the system's trust store" : "the trust file " + trustFile;
    }
}
