package io.paperjam.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns {@link TlsSettings} into the JSON port's TLS context, with an error naming the file at fault. */
final class ServerTls {

    /** The protocol versions offered; older ones are broken. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ServerTls() {
    }

    /** The server's TLS context; a self-signed pair is made in {@code <spool>/tls/} first if needed. */
    static SslContext context(TlsSettings tls, Path spoolDir, String host) throws IOException {
        TlsSettings files = tls.selfSigned()
                ? SelfSignedCertificates.ensure(spoolDir.resolve(TlsSettings.SELF_SIGNED_DIR), host)
                : tls;
        readable(files.certificateFile(), "certificate");
        readable(files.keyFile(), "key");
        try {
            return SslContextBuilder.forServer(files.certificateFile().toFile(), files.keyFile().toFile())
                    .protocols(PROTOCOLS).build();
        } catch (IOException | RuntimeException e) {
            // Netty names neither file; say which pair and why (an encrypted key, not PEM, a mismatch)
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IOException("cannot use TLS certificate " + files.certificateFile() + " with key "
                    + files.keyFile() + ": " + root.getMessage()
                    + " (both must be PEM; the key PKCS#8 and not encrypted)", e);
        }
    }

    private static void readable(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("TLS " + what + " file " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("TLS " + what + " file " + file + " is not readable");
        }
    }
}
