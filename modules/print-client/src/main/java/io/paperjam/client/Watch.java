package io.paperjam.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection turned into a stream of printer events by a {@code watch} request. Pull events
 * with {@link #next(Duration)}, or have a background thread push them with {@link #listen}.
 * An {@code "ok": true} acknowledgement, if the printer sends one, is skipped; an error reply is thrown.
 */
public final class Watch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);
    /** How often a listening thread wakes to see whether the watch was closed. */
    private static final Duration LISTEN_POLL = Duration.ofMillis(250);

    private final Connection connection;
    private volatile boolean closed;
    private long lastSeq = -1;

    private Watch(Connection connection) {
        this.connection = connection;
    }

    static Watch open(ClientSettings settings) throws PrintClientException {
        Connection connection = Connection.open(settings);
        try {
            connection.send(Json.line(new Request.Watch()));
            // the printer subscribes this connection before it answers: once the answer is in, no event that
            // happens afterwards can be missed (a caller may look something up next and rely on that)
            Replies.expectOk(connection.readLine());
            return new Watch(connection);
        } catch (PrintClientException e) {
            connection.close();
            throw e;
        }
    }

    /** The next event, or empty when none came within {@code wait}. */
    public Optional<Event> next(Duration wait) throws PrintClientException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            byte[] line = connection.pollLine(Duration.ofNanos(left));
            if (line == null) {
                return Optional.empty();
            }
            Optional<Event> event = decode(line);
            if (event.isPresent()) {
                return event;
            }
        }
        throw new PrintClientException("the watch is closed");
    }

    /** Starts a daemon thread that hands each event to {@code listener} until this watch is closed or the connection ends. */
    public void listen(Consumer<Event> listener) {
        Thread thread = new Thread(() -> {
            try {
                while (!closed) {
                    next(LISTEN_POLL).ifPresent(listener);
                }
            } catch (PrintClientException e) {
                if (!closed) {
                    LOG.warn("event stream ended: {}", e.getMessage());
                }
            }
        }, "paperjam-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The last sequence number seen, or -1. */
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void close() {
        closed = true;
        connection.close();
    }

    private Optional<Event> decode(byte[] line) throws PrintClientException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new PrintClientException("the printer sent a line that is not JSON: "
                    + Text.printable(new String(line, StandardCharsets.UTF_8), 120), e);
        }
        if (node != null && node.has("event")) {
            try {
                Event event = Json.mapper().treeToValue(node, Event.class);
                if (lastSeq >= 0 && event.seq() > lastSeq + 1) {
                    LOG.debug("missed {} events before seq {}", event.seq() - lastSeq - 1, event.seq());
                }
                lastSeq = event.seq();
                return Optional.of(event);
            } catch (IOException e) {
                throw new PrintClientException("the printer sent an event this client cannot read", e);
            }
        }
        Replies.expectOk(line);
        return Optional.empty();
    }
}
