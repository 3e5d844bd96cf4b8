package io.paperjam.server.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the hostile-input catalogue: the exact bytes a client sends, from which address,
 * what it does afterwards, and the reply codes and queued-job count the server must produce.
 */
final class HostileCase {

    /** What the connection does after the bytes are sent, and so what the test checks next. */
    enum After {
        /** the connection stays usable: a status request on it answers */
        OPEN,
        /** the server closes the connection after its replies */
        SERVER_CLOSES,
        /** the server is now skipping a huge document; the client gives up and hangs up */
        CLIENT_HANGS_UP,
        /** the client shuts its sending side (nc -N) and reads the replies, then the server closes */
        HALF_CLOSE,
        /** the client disconnects right after sending and reads nothing */
        DISCONNECT
    }

    private final String name;
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private final List<String> replies = new ArrayList<>();
    private String from;
    private After after = After.OPEN;
    private int queued;

    private HostileCase(String name) {
        this.name = name;
    }

    static HostileCase of(String name) {
        return new HostileCase(name);
    }

    /** Appends {@code text} as UTF-8, no newline added. */
    HostileCase text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code line} and a newline. */
    HostileCase line(String line) {
        return text(line + "\n");
    }

    HostileCase bytes(byte[] bytes) {
        input.writeBytes(bytes);
        return this;
    }

    /** Appends a submit line with {@code fields} and the right size, then the document. */
    HostileCase submit(String fields, String document) {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        return line("{\"op\":\"submit\"," + fields + ",\"size\":" + body.length + "}").bytes(body);
    }

    HostileCase from(String address) {
        this.from = address;
        return this;
    }

    /** The reply codes expected, in order: an error code, or "ok". */
    HostileCase expect(String... codes) {
        replies.addAll(List.of(codes));
        return this;
    }

    HostileCase then(After what) {
        this.after = what;
        return this;
    }

    HostileCase queues(int jobs) {
        this.queued = jobs;
        return this;
    }

    String name() {
        return name;
    }

    byte[] input() {
        return input.toByteArray();
    }

    List<String> replies() {
        return replies;
    }

    String from() {
        return from;
    }

    After after() {
        return after;
    }

    int queued() {
        return queued;
    }

    @Override
    public String toString() {
        return name;
    }
}
