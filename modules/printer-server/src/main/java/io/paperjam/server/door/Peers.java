package io.paperjam.server.door;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How doors name a connection's peer in logs and job names, and which peers count as this machine. */
public final class Peers {

    private Peers() {
    }

    /** {@code 127.0.0.1:51234}, or the channel's own description when it has no inet peer. */
    public static String describe(Channel channel) {
        SocketAddress peer = channel.remoteAddress();
        if (peer instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(peer);
    }

    /** The peer's address without the port, for job names such as "raw job from 127.0.0.1". */
    public static String host(Channel channel) {
        SocketAddress peer = channel.remoteAddress();
        if (peer instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress();
        }
        return "unknown peer";
    }

    /**
     * True for exactly 127.0.0.1 and ::1, as the JSON port's admin guard decides "this machine", so a
     * client on 127.0.0.2 is treated as remote.
     */
    public static boolean isLocal(SocketAddress peer) {
        if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return false;
        }
        InetAddress address = inet.getAddress();
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return bytes[0] == 127 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 1;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }
}
