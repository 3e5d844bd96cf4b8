package io.paperjam.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that admin operations from untrusted peers must present; kept in
 * {@code <spool>/token}, readable by its owner only, and compared in constant time.
 */
public final class AdminToken {

    /** The token file's name inside the spool folder. */
    public static final String FILE_NAME = "token";

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final int TOKEN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /** A token given on the command line or in settings; the token file is left alone. */
    public static AdminToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an admin token must not be blank");
        }
        return new AdminToken(token.strip());
    }

    /** The token in {@code <spoolDir>/token}, generated (32 random bytes, hex) if there is none. */
    public static AdminToken loadOrCreate(Path spoolDir) throws IOException {
        Path file = spoolDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
                log.info("generated a new admin token in {} (owner-only)", file);
            } catch (FileAlreadyExistsException raced) {
                log.debug("token file {} appeared meanwhile; using it", file);
            }
        }
        warnIfOthersCanRead(file);
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("the admin token file " + file + " is empty; delete it to get a new one");
        }
        return new AdminToken(text);
    }

    /** True when {@code candidate} is the token; the time taken does not depend on where they differ. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate.strip()));
    }

    /** A token file made by hand may be world-readable; we say so rather than silently use or change it. */
    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            log.warn("the admin token file {} is readable by others ({}); anyone who can read it can run admin "
                    + "operations: chmod 600 it", file, PosixFilePermissions.toString(permissions));
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        byte[] text = (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(file, ownerOnly);   // created 0600, so it is never readable by others
        } else {
            Files.createFile(file);
            log.warn("the file system of {} has no POSIX permissions; protect the token yourself", file);
        }
        Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
    }

    /** Hashing first makes the comparison independent of the candidate's length too. */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
