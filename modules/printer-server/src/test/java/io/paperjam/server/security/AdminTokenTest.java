package io.paperjam.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.ProtocolException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path spool;

    @Test
    void aGeneratedTokenIsOwnerOnlyRandomHexAndKeptAcrossRestarts() throws Exception {
        AdminToken first = AdminToken.loadOrCreate(spool);
        Path file = spool.resolve(AdminToken.FILE_NAME);
        String text = Files.readString(file).strip();
        assertTrue(text.matches("[0-9a-f]{64}"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.matches(text));
        assertTrue(AdminToken.loadOrCreate(spool).matches(text));
        assertFalse(first.matches(text.substring(1)));
        assertFalse(first.matches(null));
    }

    @Test
    void twoSpoolsGetDifferentTokens(@TempDir Path other) throws Exception {
        AdminToken.loadOrCreate(spool);
        AdminToken.loadOrCreate(other);
        assertFalse(Files.readString(spool.resolve("token")).equals(Files.readString(other.resolve("token"))));
    }

    @Test
    void aGivenTokenLeavesTheSpoolAlone() {
        AdminToken token = AdminToken.of("s3cret");
        assertTrue(token.matches("s3cret"));
        assertFalse(token.matches("s3cre"));
        assertFalse(Files.exists(spool.resolve("token")));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.of(" "));
    }

    @Test
    void onlyExactLoopbackIsTrustedAndOthersNeedTheRightToken() throws Exception {
        AdminGuard guard = new AdminGuard(AdminToken.of("s3cret"), true);
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 5000);
        InetSocketAddress local6 = new InetSocketAddress("::1", 5000);
        InetSocketAddress other = new InetSocketAddress("127.0.0.2", 5000);
        guard.check("pause", null, local);
        guard.check("pause", null, local6);
        guard.check("pause", "s3cret", other);
        assertEquals(ErrorCode.UNAUTHORIZED,
                assertThrows(ProtocolException.class, () -> guard.check("pause", null, other)).code());
        assertEquals(ErrorCode.UNAUTHORIZED,
                assertThrows(ProtocolException.class, () -> guard.check("pause", "guess", other)).code());
    }

    @Test
    void withoutTrustEvenLoopbackNeedsTheToken() {
        AdminGuard guard = new AdminGuard(AdminToken.of("s3cret"), false);
        assertThrows(ProtocolException.class,
                () -> guard.check("pause", null, new InetSocketAddress("127.0.0.1", 5000)));
    }
}
