package io.paperjam.server.net;

import io.netty.channel.Channel;
import io.paperjam.protocol.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a watcher every printer event as a line, in order. It subscribes before the watch reply
 * is written and holds events back until {@link #open()}, so the watcher misses none and sees
 * none before the reply. A watcher that stops reading is dropped once {@code maxBacklog} events
 * wait unsent, so it cannot make the server buffer without bound.
 */
final class EventStream implements Consumer<Event>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final Channel channel;
    private final int maxBacklog;
    private final AtomicInteger unsent = new AtomicInteger();
    private final List<Event> held = new ArrayList<>();
    private boolean open;
    private boolean dropped;
    private AutoCloseable subscription;

    EventStream(Channel channel, int maxBacklog) {
        this.channel = channel;
        this.maxBacklog = maxBacklog;
    }

    synchronized void subscribed(AutoCloseable subscription) {
        this.subscription = subscription;
        if (dropped) {
            close();
        }
    }

    /** The watch reply is on its way: send what was held back, then every event as it comes. */
    synchronized void open() {
        open = true;
        held.forEach(this::send);
        held.clear();
    }

    @Override
    public synchronized void accept(Event event) {
        if (dropped) {
            return;
        }
        if (unsent.incrementAndGet() > maxBacklog) {
            dropped = true;
            log.warn("dropped watcher {}: it left {} events unread", channel.remoteAddress(), maxBacklog);
            channel.close();
            return;
        }
        if (open) {
            send(event);
        } else {
            held.add(event);
        }
    }

    private void send(Event event) {
        channel.writeAndFlush(event).addListener(done -> unsent.decrementAndGet());
    }

    @Override
    public synchronized void close() {
        dropped = true;
        held.clear();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("could not stop watching for {}: {}", channel.remoteAddress(), e.toString());
            }
            subscription = null;
        }
    }
}
