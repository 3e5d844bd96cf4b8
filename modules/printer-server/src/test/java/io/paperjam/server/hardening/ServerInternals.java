package io.paperjam.server.hardening;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.net.ServerContext;
import java.lang.reflect.Field;

/**
 * Looks inside a running {@link PrinterServer} at its open connections, which it does not expose:
 * how many there are, what each holds unsent, and whether each is still being read.
 */
final class ServerInternals {

    private ServerInternals() {
    }

    static ChannelGroup connections(PrinterServer server) {
        try {
            Field field = PrinterServer.class.getDeclaredField("context");
            field.setAccessible(true);
            return ((ServerContext) field.get(server)).channels();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("PrinterServer no longer has its ServerContext in 'context'", e);
        }
    }

    /** Reply bytes written but not yet taken by the socket, summed over every connection. */
    static long pendingOutboundBytes(PrinterServer server) {
        long total = 0;
        for (Channel channel : connections(server)) {
            ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
            total += buffer == null ? 0 : buffer.totalPendingWriteBytes();
        }
        return total;
    }

    /** How many connections the server is not reading from right now. */
    static long notReading(PrinterServer server) {
        return connections(server).stream().filter(channel -> !channel.config().isAutoRead()).count();
    }
}
