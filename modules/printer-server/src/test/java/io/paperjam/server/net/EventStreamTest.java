package io.paperjam.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.paperjam.protocol.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    /** Holds every write without completing it, like a socket whose peer stopped reading. */
    private static final class StuckSocket extends ChannelOutboundHandlerAdapter {
        final List<Object> held = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            held.add(msg);
        }
    }

    private static Event event(long seq) {
        return new Event(Event.TYPE_PRINTER, seq, Instant.EPOCH, null, null, null);
    }

    @Test
    void eventsBeforeOpenAreHeldAndThenSentInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        EventStream stream = new EventStream(channel, 10);
        stream.accept(event(1));
        stream.accept(event(2));
        assertNull(channel.readOutbound());
        stream.open();
        stream.accept(event(3));
        for (long seq = 1; seq <= 3; seq++) {
            assertEquals(seq, ((Event) channel.readOutbound()).seq());
        }
    }

    @Test
    void aWatcherThatStopsReadingIsDroppedAtTheBacklogLimit() {
        StuckSocket socket = new StuckSocket();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        EventStream stream = new EventStream(channel, 3);
        stream.open();
        for (long seq = 1; seq <= 3; seq++) {
            stream.accept(event(seq));
        }
        assertTrue(channel.isOpen());
        stream.accept(event(4));
        assertFalse(channel.isOpen(), "the fourth unsent event drops the watcher");
        stream.accept(event(5));
        assertEquals(3, socket.held.size());
    }

    @Test
    void closingStopsTheSubscription() {
        EmbeddedChannel channel = new EmbeddedChannel();
        EventStream stream = new EventStream(channel, 3);
        boolean[] closed = {false};
        stream.subscribed(() -> closed[0] = true);
        stream.close();
        assertTrue(closed[0]);
    }
}
