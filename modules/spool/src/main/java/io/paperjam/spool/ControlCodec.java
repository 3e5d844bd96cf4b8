package io.paperjam.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.DateTimeException;

/**
 * Turns a {@link JobRecord} into the JSON of a control file or history line and back; a decode either
 * yields a complete, valid record or throws {@link CorruptControlException}.
 *
 * <p>The state is not stored: the folder a control file sits in is the job's state.
 */
final class ControlCodec {

    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlCodec() {
    }

    /** Pretty-printed JSON for a control file, so that {@code cat queue/000000000042.json} reads well. */
    static byte[] encodeControl(JobRecord job) {
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toTree(job, null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode job " + job.id(), e);
        }
    }

    /** One line (ending in a newline) for {@code history.jsonl}. */
    static byte[] encodeHistoryLine(JobRecord job, Instant pruned) {
        try {
            ObjectNode tree = toTree(job, pruned);
            byte[] json = MAPPER.writeValueAsBytes(tree);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode job " + job.id(), e);
        }
    }

    static JobRecord decode(byte[] json, JobState state, boolean documentPresent) throws CorruptControlException {
        return decode(parse(json), state, documentPresent);
    }

    /**
     * Decodes a control file found in the folder of {@code folderState}; a control file that already carries
     * an outcome is a DONE record whatever its folder (a finish interrupted before its move).
     */
    static JobRecord decodeStored(byte[] json, JobState folderState) throws CorruptControlException {
        JsonNode tree = parse(json);
        return decode(tree, tree.hasNonNull("outcome") ? JobState.DONE : folderState, true);
    }

    private static JsonNode parse(byte[] json) throws CorruptControlException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new CorruptControlException("not JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new CorruptControlException("not a JSON object");
        }
        return tree;
    }

    private static JobRecord decode(JsonNode tree, JobState state, boolean documentPresent)
            throws CorruptControlException {
        try {
            JobHeader header = new JobHeader(text(tree, "name", true), text(tree, "format", false),
                    tree.path("copies").asInt(1), integer(tree, "pages"), text(tree, "user", false),
                    tree.path("declaredSize").asLong(-1), text(tree, "declaredSha256", false));
            String outcome = text(tree, "outcome", false);
            return new JobRecord(number(tree, "id"), header, state, number(tree, "size"), text(tree, "sha256", true),
                    (int) number(tree, "pagesDone"), outcome == null ? null : JobOutcome.valueOf(outcome),
                    text(tree, "reason", false), InstantParser.parse(text(tree, "arrived", true)),
                    InstantParser.parse(text(tree, "updated", true)), documentPresent);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new CorruptControlException(e.getMessage());
        }
    }

    private static ObjectNode toTree(JobRecord job, Instant pruned) {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("spoolFormat", FORMAT);
        tree.put("id", job.id());
        JobHeader h = job.header();
        tree.put("name", h.name());
        tree.put("format", h.format());
        tree.put("copies", h.copies());
        tree.put("pages", h.pages());
        tree.put("user", h.user());
        tree.put("declaredSize", h.declaredSize());
        tree.put("declaredSha256", h.declaredSha256());
        tree.put("size", job.size());
        tree.put("sha256", job.sha256());
        tree.put("pagesDone", job.pagesDone());
        tree.put("outcome", job.outcome() == null ? null : job.outcome().name());
        tree.put("reason", job.reason());
        tree.put("arrived", job.arrived().toString());
        tree.put("updated", job.updated().toString());
        if (pruned != null) {
            tree.put("pruned", pruned.toString());
        }
        return tree;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String text(JsonNode tree, String field, boolean required) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing " + field);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return node.asText();
    }

    private static long number(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw new IllegalArgumentException("missing or non-integer " + field);
        }
        return node.asLong();
    }

    private static Integer integer(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? null : (Integer) (int) number(tree, field);
    }

    /** A control file or history line that cannot be turned into a job record. */
    static final class CorruptControlException extends Exception {
        CorruptControlException(String message) {
            super(message);
        }
    }
}
