package io.paperjam.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a self-signed certificate and key as PEM files in an owner-only folder, once; later starts
 * reuse them, so a client that pinned the certificate keeps working. The JDK's own {@code keytool}
 * makes the pair (Java has no public API to sign a certificate, and Netty's generator needs
 * BouncyCastle on Java 17); this class only turns its key store into PEM.
 */
final class SelfSignedCertificates {

    /** How long a generated certificate is valid. */
    static final int VALIDITY_DAYS = 825;
    /** The longest keytool may take (it is a JVM start and one key generation). */
    static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificates.class);
    private static final String ALIAS = "paperjam";

    private SelfSignedCertificates() {
    }

    /** The certificate and key in {@code dir}, made now if either is missing; names {@code host} and loopback. */
    static TlsSettings ensure(Path dir, String host) throws IOException {
        Path cert = dir.resolve(TlsSettings.CERTIFICATE_FILE);
        Path key = dir.resolve(TlsSettings.KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return TlsSettings.files(cert, key);
        }
        ownerOnlyFolder(dir);
        Path store = Files.createTempFile(dir, "keytool-", ".p12");
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        try {
            Files.delete(store);   // keytool makes the store itself and refuses an empty file
            runKeytool(store, password, subjectAlternativeNames(host));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            writeOwnerOnly(key, pem("PRIVATE KEY", keys.getKey(ALIAS, password).getEncoded()));
            writeOwnerOnly(cert, pem("CERTIFICATE", keys.getCertificate(ALIAS).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key pair keytool made: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
        }
        LOG.info("made a self-signed TLS certificate {} (clients trust it with --tls-trust {})", cert, cert);
        return TlsSettings.files(cert, key);
    }

    /** localhost, 127.0.0.1, ::1, this machine's name, and the listening host unless it is a wildcard. */
    static String subjectAlternativeNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isBlank()) {
            names.add((isAddress(host) ? "ip:" : "dns:") + host);
        }
        try {
            String machine = InetAddress.getLocalHost().getHostName();
            if (!isAddress(machine) && machine.matches("[A-Za-z0-9.-]+")) {
                names.add("dns:" + machine);
            }
        } catch (IOException e) {
            LOG.debug("no local host name for the certificate: {}", e.toString());
        }
        return String.join(",", names);
    }

    private static boolean isAddress(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    private static void runKeytool(Path store, char[] password, String sans) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=paperjam emulated printer", "-validity", Integer.toString(VALIDITY_DAYS),
                "-ext", "san=" + sans, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass:env", "PAPERJAM_KEYTOOL_PASSWORD"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PAPERJAM_KEYTOOL_PASSWORD", new String(password));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + keytool + " to make a self-signed certificate ("
                    + e.getMessage() + "); give --tls-cert and --tls-key instead", e);
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make a self-signed certificate: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a self-signed certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void ownerOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Written to a temporary name first and renamed, so a crash never leaves half a key. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
