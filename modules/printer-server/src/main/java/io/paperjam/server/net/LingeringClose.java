package io.paperjam.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after its last reply without losing that reply: a plain close while the
 * client is still sending makes the kernel answer with a reset, which can destroy the reply
 * before the client reads it. So we send FIN first, drop whatever still arrives, and close when
 * the client does, or after {@link #LINGER_MILLIS}.
 */
final class LingeringClose {

    /** How long a closing connection keeps draining the client's bytes. */
    static final long LINGER_MILLIS = 2_000;

    private LingeringClose() {
    }

    /** Closes {@code channel} once {@code lastWrite} is done. */
    static void after(ChannelFuture lastWrite) {
        Channel channel = lastWrite.channel();
        lastWrite.addListener(done -> {
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                duplex.shutdownOutput();
                channel.config().setAutoRead(true);
                channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }
}
