package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A watch connection that checks every event's seq follows the last one without a gap. */
final class Watcher implements AutoCloseable {

    private static final int MAX_EVENTS = 10_000;

    private final LineClient client;
    private final List<JsonNode> seen = new ArrayList<>();
    private final JsonNode reply;
    private long lastSeq = -1;

    Watcher(InetSocketAddress server) throws IOException {
        client = LineClient.connect(server);
        reply = client.request("{\"op\":\"watch\"}");
        assertTrue(reply.path("ok").asBoolean(), reply.toString());
    }

    JsonNode reply() {
        return reply;
    }

    /** Reads events up to and including the first that matches; fails on a gap or after too many. */
    JsonNode until(Predicate<JsonNode> wanted) throws IOException {
        for (int i = 0; i < MAX_EVENTS; i++) {
            JsonNode event = client.read();
            long seq = event.path("seq").asLong();
            if (lastSeq >= 0) {
                assertEquals(lastSeq + 1, seq, "events must come in order without gaps: " + event);
            }
            lastSeq = seq;
            seen.add(event);
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no wanted event among " + MAX_EVENTS);
    }

    /** Waits for job {@code id} to reach {@code state}. */
    JsonNode untilJob(long id, String state) throws IOException {
        return until(e -> "job-state".equals(e.path("event").asText()) && e.path("job").path("id").asLong() == id
                && state.equals(e.path("job").path("state").asText()));
    }

    /** The page numbers printed so far for job {@code id}, in the order their events came. */
    List<Integer> pages(long id) {
        List<Integer> pages = new ArrayList<>();
        for (JsonNode e : seen) {
            if ("page".equals(e.path("event").asText()) && e.path("job").path("id").asLong() == id) {
                pages.add(e.path("page").asInt());
            }
        }
        return pages;
    }

    List<JsonNode> seen() {
        return seen;
    }

    LineClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
