package io.paperjam.server.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asks a running printer about its jobs and device over the wire, many questions per connection. */
final class PrinterProbe {

    private static final int BATCH = 200;

    private PrinterProbe() {
    }

    /** The {@code job} reply of each id, fetched in pipelined batches. */
    static Map<Long, JsonNode> jobs(InetSocketAddress server, List<Long> ids) throws IOException {
        Map<Long, JsonNode> replies = new HashMap<>();
        try (Wire wire = Wire.connect(server)) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                StringBuilder requests = new StringBuilder();
                for (long id : batch) {
                    requests.append("{\"op\":\"job\",\"id\":").append(id).append("}\n");
                }
                wire.send(requests.toString());
                for (long id : batch) {
                    replies.put(id, Fixtures.json(wire.readLine()));
                }
            }
        }
        return replies;
    }

    /** Every job the printer lists, in any state. */
    static List<JsonNode> allJobs(InetSocketAddress server) throws IOException {
        JsonNode reply = request(server, "{\"op\":\"jobs\",\"limit\":100000,\"states\":[\"pending\",\"pending-held\","
                + "\"processing\",\"processing-stopped\",\"canceled\",\"aborted\",\"completed\"]}");
        List<JsonNode> jobs = new ArrayList<>();
        reply.path("jobs").forEach(jobs::add);
        return jobs;
    }

    static JsonNode request(InetSocketAddress server, String line) throws IOException {
        try (Wire wire = Wire.connect(server)) {
            wire.send(line + "\n");
            return Fixtures.assertCleanReply(wire.readLine());
        }
    }
}
