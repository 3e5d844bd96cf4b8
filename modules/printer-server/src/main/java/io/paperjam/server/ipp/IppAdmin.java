package io.paperjam.server.ipp;

import com.hp.jipp.model.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may pause, resume, or cancel another user's job: a client on the loopback interface (unless
 * loopback is not trusted), or one that sends the server's admin token as its HTTP Basic password
 * (any user name).
 */
final class IppAdmin {

    private IppAdmin() {
    }

    static boolean isAdmin(IppRequest.Peer peer, String token, boolean trustLoopback) {
        if (trustLoopback && peer.loopback()) {
            return true;
        }
        if (token == null || peer.password() == null) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                peer.password().getBytes(StandardCharsets.UTF_8));
    }

    static void require(IppRequest request, IppSettings settings, String what) throws IppException {
        if (!isAdmin(request.peer(), settings.adminToken(), settings.trustLoopback())) {
            throw new IppException(Status.clientErrorNotAuthorized,
                    what + " needs the admin token as the HTTP Basic password when not on this machine");
        }
    }
}
