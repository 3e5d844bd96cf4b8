package io.paperjam.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one request line into a {@link Request}, or refuses it with the exact
 * {@link ErrorCode} and a message that is safe to send back. Never throws anything else.
 */
public final class RequestParser {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern COLOUR = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final long MAX_ID = Long.MAX_VALUE;
    private static final int MAX_LIMIT = 100_000;

    private RequestParser() {
    }

    /** Parses {@code len} bytes of one line (newline already stripped). */
    public static Request parse(byte[] line, int off, int len) throws ProtocolException {
        return parse(object(line, off, len, "request"));
    }

    /** One line as a JSON object, or a refusal that calls it {@code what} ("request", "checksum trailer"). */
    static ObjectNode object(byte[] line, int off, int len, String what) throws ProtocolException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(line, off, len);
        } catch (StreamConstraintsException e) {
            throw Fields.bad(what + " is nested too deeply or has an oversized value");
        } catch (JacksonException e) {
            throw Fields.bad(prefix(what) + "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Fields.bad(prefix(what) + "not valid JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw Fields.bad("empty " + what + " line");
        }
        if (!tree.isObject()) {
            throw Fields.bad("a " + what + " must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    /** Requests keep their historic messages ("not valid JSON: ..."); other lines say what they are. */
    private static String prefix(String what) {
        return what.equals("request") ? "" : what + ": ";
    }

    public static Request parse(byte[] line) throws ProtocolException {
        return parse(line, 0, line.length);
    }

    static Request parse(ObjectNode node) throws ProtocolException {
        Fields fields = new Fields(node);
        Long version = fields.integer("v", 1, Integer.MAX_VALUE, false);
        if (version != null && version > Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
                    "this printer speaks protocol version " + Protocol.VERSION);
        }
        String op = fields.text("op", true);
        Request request = switch (op) {
            case "submit" -> submit(fields);
            case "status" -> new Request.Status();
            case "jobs" -> jobs(fields);
            case "job" -> new Request.Job(fields.integer("id", 1, MAX_ID, true));
            case "cancel" -> new Request.Cancel(fields.integer("id", 1, MAX_ID, true),
                    fields.text("user", false), fields.text("token", false));
            case "fault" -> fault(fields);
            case "supplies" -> supplies(fields);
            case "pause" -> new Request.Pause(fields.text("token", false));
            case "resume" -> new Request.Resume(fields.text("token", false));
            case "watch" -> new Request.Watch();
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_OP,
                    "unknown op '" + Text.printable(op) + "'");
        };
        fields.rejectUnknown();
        return request;
    }

    private static Request submit(Fields fields) throws ProtocolException {
        String name = fields.text("name", true);
        if (name.isBlank()) {
            throw Fields.bad("'name' must not be empty");
        }
        long size = fields.integer("size", 0, Long.MAX_VALUE, true);
        String format = fields.text("format", false);
        Long copies = fields.integer("copies", 1, Protocol.MAX_COPIES, false);
        Long pages = fields.integer("pages", 1, Protocol.MAX_PAGES, false);
        String user = fields.text("user", false);
        String sha256 = fields.text("sha256", false);
        if (sha256 != null && !sha256.equals(Request.Submit.SHA256_TRAILER)) {
            sha256 = sha256Digest(sha256, "sha256");
        }
        return new Request.Submit(name, size, format, toInt(copies), toInt(pages), user, sha256);
    }

    /** {@code text} as a lower-case SHA-256 digest, or a refusal naming the field {@code name}. */
    static String sha256Digest(String text, String name) throws ProtocolException {
        String digest = text.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(digest).matches()) {
            throw Fields.bad("'" + name + "' must be 64 hexadecimal digits"
                    + (name.equals("sha256") ? " or \"" + Request.Submit.SHA256_TRAILER + "\"" : ""));
        }
        return digest;
    }

    private static Request jobs(Fields fields) throws ProtocolException {
        List<JobStatus> states = null;
        if (fields.has("states")) {
            states = new ArrayList<>();
            for (String name : strings(fields.raw("states"), "states")) {
                states.add(JobStatus.fromWire(name).orElseThrow(
                        () -> Fields.bad("unknown job state '" + Text.printable(name) + "'")));
            }
        }
        return new Request.Jobs(states, toInt(fields.integer("limit", 1, MAX_LIMIT, false)));
    }

    private static Request fault(Fields fields) throws ProtocolException {
        FaultAction action = enumField(fields, "action", FaultAction.class, FaultAction.LIST);
        Boolean all = fields.bool("all");
        List<PrinterReason> names = null;
        if (fields.has("names")) {
            names = new ArrayList<>();
            for (String name : strings(fields.raw("names"), "names")) {
                names.add(PrinterReason.fromWire(name).filter(PrinterReason::isFault).orElseThrow(
                        () -> Fields.bad("unknown fault '" + Text.printable(name)
                                + "'; faults are paper-out, no-ink, paper-jam, cover-open, offline")));
            }
        }
        if (action != FaultAction.LIST && (names == null || names.isEmpty())
                && !(action == FaultAction.CLEAR && Boolean.TRUE.equals(all))) {
            throw Fields.bad("fault " + action.wire() + " needs 'names'"
                    + (action == FaultAction.CLEAR ? " or \"all\": true" : ""));
        }
        return new Request.Fault(action, names, all, fields.text("token", false));
    }

    private static Request supplies(Fields fields) throws ProtocolException {
        SuppliesAction action = enumField(fields, "action", SuppliesAction.class, null);
        if (action == null) {
            throw Fields.bad("missing field 'action' (refill or set)");
        }
        SupplyKind supply = enumField(fields, "supply", SupplyKind.class, null);
        Integer paper = toInt(fields.integer("paper", 0, 1_000_000, false));
        Map<String, Integer> ink = fields.has("ink") ? ink(fields.raw("ink")) : null;
        String token = fields.text("token", false);
        if (action == SuppliesAction.REFILL && supply == null) {
            throw Fields.bad("supplies refill needs 'supply' (paper, ink or all)");
        }
        if (action == SuppliesAction.SET && paper == null && ink == null) {
            throw Fields.bad("supplies set needs 'paper' and/or 'ink'");
        }
        return new Request.SuppliesChange(action, supply, paper, ink, token);
    }

    /** {@code "ink": 80} sets every colour; {@code "ink": {"black": 80}} sets one. */
    private static Map<String, Integer> ink(JsonNode value) throws ProtocolException {
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (value.isIntegralNumber()) {
            levels.put("*", percent(value, "ink"));
            return levels;
        }
        if (!value.isObject()) {
            throw Fields.bad("'ink' must be a percentage or an object of colour to percentage");
        }
        for (var entries = value.fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (!COLOUR.matcher(entry.getKey()).matches()) {
                throw Fields.bad("bad colour name '" + Text.printable(entry.getKey()) + "'");
            }
            levels.put(entry.getKey(), percent(entry.getValue(), "ink." + entry.getKey()));
        }
        return levels;
    }

    private static int percent(JsonNode value, String name) throws ProtocolException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < 0 || value.intValue() > 100) {
            throw Fields.bad("'" + name + "' must be a whole percentage from 0 to 100");
        }
        return value.intValue();
    }

    private static <E extends Enum<E>> E enumField(Fields fields, String name, Class<E> type,
                                                   E fallback) throws ProtocolException {
        String text = fields.text(name, false);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw Fields.bad("bad value '" + Text.printable(text) + "' for '" + name + "'");
    }

    private static List<String> strings(JsonNode value, String name) throws ProtocolException {
        List<String> out = new ArrayList<>();
        if (value.isTextual()) {
            out.add(value.textValue());
            return out;
        }
        if (!value.isArray() || value.size() > 32) {
            throw Fields.bad("'" + name + "' must be a string or an array of at most 32 strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw Fields.bad("'" + name + "' must hold strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static String firstLine(String message) {
        String text = message == null ? "parse error" : message;
        int newline = text.indexOf('\n');
        return Text.printable(newline < 0 ? text : text.substring(0, newline), 200);
    }
}
