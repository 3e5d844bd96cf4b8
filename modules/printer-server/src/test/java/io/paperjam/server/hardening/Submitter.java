package io.paperjam.server.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that submits random documents until told to stop or the printer goes away, and
 * records every job the printer acknowledged, with the sha256 of what was sent.
 */
final class Submitter implements Runnable {

    private final InetSocketAddress server;
    private final Map<Long, String> acknowledged;
    private final Random random;
    private final AtomicBoolean stop;
    private final int maxDocumentBytes;
    private int sent;

    Submitter(InetSocketAddress server, Map<Long, String> acknowledged, long seed, AtomicBoolean stop,
              int maxDocumentBytes) {
        this.server = server;
        this.acknowledged = acknowledged;
        this.random = new Random(seed);
        this.stop = stop;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    public void run() {
        try {
            while (!stop.get() && sent < 100_000) {
                try (Wire wire = Wire.connect(server)) {
                    for (int i = 0; i < 1 + random.nextInt(20) && !stop.get(); i++) {
                        submitOne(wire);
                    }
                }
            }
        } catch (IOException printerGone) {
            // killed under us: whatever was acknowledged is recorded, the rest never was
        }
    }

    private void submitOne(Wire wire) throws IOException {
        byte[] document = document();
        String sha = Fixtures.sha256(document);
        String checksum = random.nextBoolean() ? ",\"sha256\":\"" + sha + "\"" : "";
        wire.send("{\"op\":\"submit\",\"name\":\"crash-" + sent++ + ".txt\",\"size\":" + document.length
                + checksum + ",\"copies\":" + (1 + random.nextInt(3)) + "}\n");
        wire.send(document);
        String line = wire.readLine();
        if (line == null) {
            throw new IOException("the printer closed the connection");
        }
        JsonNode reply = Fixtures.json(line);
        if (reply.path("ok").asBoolean()) {
            String stored = reply.path("job").path("sha256").asText();
            if (!sha.equals(stored)) {
                throw new AssertionError("acknowledged with sha256 " + stored + " but we sent " + sha);
            }
            acknowledged.put(reply.path("job").path("id").asLong(), sha);
        }
    }

    /** Text pages of random length; now and then an empty or a large document. */
    private byte[] document() {
        int kind = random.nextInt(20);
        int size = kind == 0 ? 0 : kind == 1 ? maxDocumentBytes : random.nextInt(64 * 1024);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 997 == 996 ? '\f' : 'a' + random.nextInt(26));
        }
        if (size > 0) {
            bytes[0] = "PAGE".getBytes(StandardCharsets.US_ASCII)[random.nextInt(4)];
        }
        return bytes;
    }
}
