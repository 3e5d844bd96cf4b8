package io.paperjam.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed, checked access to the fields of one request object; remembers which fields were read so
 * that {@link #rejectUnknown} can refuse the rest.
 */
final class Fields {

    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();

    Fields(ObjectNode node) {
        this.node = node;
    }

    boolean has(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonNode raw(String name) {
        read.add(name);
        return node.get(name);
    }

    String text(String name, boolean required) throws ProtocolException {
        if (!has(name)) {
            return missing(name, required);
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw bad("'" + name + "' must be a string");
        }
        String text = value.textValue();
        if (text.length() > Protocol.MAX_TEXT_LENGTH) {
            throw bad("'" + name + "' is longer than " + Protocol.MAX_TEXT_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw bad("'" + name + "' contains a control character");
            }
        }
        return text;
    }

    Long integer(String name, long min, long max, boolean required) throws ProtocolException {
        if (!has(name)) {
            return missing(name, required);
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw bad("'" + name + "' must be a whole number");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw bad("'" + name + "' must be between " + min + " and " + max);
        }
        return number;
    }

    Boolean bool(String name) throws ProtocolException {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw bad("'" + name + "' must be true or false");
        }
        return value.booleanValue();
    }

    void rejectUnknown() throws ProtocolException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw bad("unknown field '" + Text.printable(name) + "'");
            }
        }
    }

    static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }

    private static <T> T missing(String name, boolean required) throws ProtocolException {
        if (required) {
            throw bad("missing field '" + name + "'");
        }
        return null;
    }
}
