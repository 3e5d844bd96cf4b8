package io.paperjam.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the verdict of a submit's reply line. The protocol writes {@code "ok"} first, so an
 * acknowledgement is recognised by its first bytes; only a refusal is parsed, for its error code.
 */
final class ReplyLine {

    private static final byte[] ACKNOWLEDGED = "{\"ok\":true".getBytes(StandardCharsets.US_ASCII);

    private ReplyLine() {
    }

    /**
     * @param line the reply line without its line end
     * @return null when the printer acknowledged the job, else its error code ("unreadable-reply" if it gave none)
     * @throws IOException when the line is not JSON
     */
    static String errorCode(byte[] line, int length) throws IOException {
        if (startsAcknowledged(line, length)) {
            return null;
        }
        return errorCode(Json.mapper().readTree(line, 0, length));
    }

    /** The verdict of a parsed reply: null when acknowledged, else its error code ("unreadable-reply" if none). */
    static String errorCode(JsonNode reply) {
        if (reply.path("ok").asBoolean(false)) {
            return null;
        }
        return reply.path("error").asText("unreadable-reply");
    }

    private static boolean startsAcknowledged(byte[] line, int length) {
        if (length <= ACKNOWLEDGED.length) {
            return false;
        }
        for (int i = 0; i < ACKNOWLEDGED.length; i++) {
            if (line[i] != ACKNOWLEDGED[i]) {
                return false;
            }
        }
        byte next = line[ACKNOWLEDGED.length];
        return next == ',' || next == '}';
    }
}
