package io.paperjam.server.security;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.ProtocolException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a peer may run an admin operation: trusted local peers may, anyone else must
 * present the admin token. "Local" is exactly 127.0.0.1 and ::1, so that a test (or a user)
 * connecting from 127.0.0.2 is treated like a remote peer.
 */
public final class AdminGuard {

    private static final Logger log = LoggerFactory.getLogger(AdminGuard.class);
    private static final Set<InetAddress> LOCAL = Set.of(address(127, 0, 0, 1), ipv6Loopback());

    private final AdminToken token;
    private final boolean trustLoopback;

    public AdminGuard(AdminToken token, boolean trustLoopback) {
        this.token = token;
        this.trustLoopback = trustLoopback;
    }

    /** True when the peer needs no token. */
    public boolean trusts(SocketAddress peer) {
        return trustLoopback && peer instanceof InetSocketAddress inet && LOCAL.contains(inet.getAddress());
    }

    /**
     * Lets the admin op {@code what} through, or refuses it with {@code unauthorized}; the
     * presented token is never logged.
     */
    public void check(String what, String presented, SocketAddress peer) throws ProtocolException {
        if (trusts(peer)) {
            return;
        }
        if (presented == null) {
            log.warn("refused {} from {}: no admin token", what, peer);
            throw new ProtocolException(ErrorCode.UNAUTHORIZED,
                    what + " needs the admin token (\"token\") when not sent from this machine");
        }
        if (!token.matches(presented)) {
            log.warn("refused {} from {}: wrong admin token", what, peer);
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "wrong admin token for " + what);
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress ipv6Loopback() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
