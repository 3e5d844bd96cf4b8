package io.paperjam.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a well-formed submit line in one pass of Jackson's streaming parser, without building a tree
 * of it: the server reads one per job, and the tree (a map per line, a set of the fields read) was
 * most of the cost of reading a request. Anything it is not sure of (another op, an unknown, duplicate
 * or null required field, a value of the wrong type or out of range, trailing tokens, bad JSON) makes
 * it answer null, and {@link RequestParser} reads the line again the strict way, which gives the
 * exact refusal. So it only ever accepts lines that the strict way accepts, as the same request
 * ({@code SubmitLineTest} checks this on golden, hostile and mutated lines).
 */
final class SubmitLine {

    private static final int OP = 1;
    private static final int V = 1 << 1;
    private static final int NAME = 1 << 2;
    private static final int SIZE = 1 << 3;
    private static final int FORMAT = 1 << 4;
    private static final int COPIES = 1 << 5;
    private static final int PAGES = 1 << 6;
    private static final int USER = 1 << 7;
    private static final int SHA256 = 1 << 8;

    /** Thrown (without a stack trace) where the strict reading must decide. */
    private static final class NotSure extends Exception {
        private static final long serialVersionUID = 1L;
        private static final NotSure INSTANCE = new NotSure();

        private NotSure() {
            super(null, null, false, false);
        }
    }

    private SubmitLine() {
    }

    /** The submit {@code len} bytes of {@code line} hold, or null when the strict reading must decide. */
    static Request.Submit parse(byte[] line, int off, int len) {
        try (JsonParser p = Json.mapper().getFactory().createParser(line, off, len)) {
            return read(p);
        } catch (NotSure | IOException | ProtocolException | RuntimeException e) {
            return null;
        }
    }

    private static Request.Submit read(JsonParser p) throws IOException, ProtocolException, NotSure {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        int seen = 0;
        String name = null;
        long size = 0;
        String format = null;
        Long copies = null;
        Long pages = null;
        String user = null;
        String sha256 = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            int bit = bit(field);
            expect(bit != 0 && (seen & bit) == 0);
            seen |= bit;
            if (value == JsonToken.VALUE_NULL && (bit & (OP | NAME | SIZE)) == 0) {
                continue;   // an optional field given as null is absent
            }
            switch (bit) {
                case OP -> expect("submit".equals(text(p, value)));
                case V -> number(p, value, 1, Protocol.VERSION);
                case NAME -> name = text(p, value);
                case SIZE -> size = number(p, value, 0, Long.MAX_VALUE);
                case FORMAT -> format = text(p, value);
                case COPIES -> copies = number(p, value, 1, Protocol.MAX_COPIES);
                case PAGES -> pages = number(p, value, 1, Protocol.MAX_PAGES);
                case USER -> user = text(p, value);
                default -> sha256 = text(p, value);
            }
        }
        expect(p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null);
        expect((seen & (OP | NAME | SIZE)) == (OP | NAME | SIZE) && !name.isBlank());
        if (sha256 != null && !sha256.equals(Request.Submit.SHA256_TRAILER)) {
            sha256 = RequestParser.sha256Digest(sha256, "sha256");
        }
        return new Request.Submit(name, size, format, toInt(copies), toInt(pages), user, sha256);
    }

    private static int bit(String field) {
        return switch (field) {
            case "op" -> OP;
            case "v" -> V;
            case "name" -> NAME;
            case "size" -> SIZE;
            case "format" -> FORMAT;
            case "copies" -> COPIES;
            case "pages" -> PAGES;
            case "user" -> USER;
            case "sha256" -> SHA256;
            default -> 0;
        };
    }

    /** A string the strict reading would take: not too long, no control characters. */
    private static String text(JsonParser p, JsonToken value) throws IOException, NotSure {
        expect(value == JsonToken.VALUE_STRING);
        String text = p.getText();
        expect(text.length() <= Protocol.MAX_TEXT_LENGTH);
        for (int i = 0; i < text.length(); i++) {
            expect(!Character.isISOControl(text.charAt(i)));
        }
        return text;
    }

    /** A whole number in range, as a long. */
    private static long number(JsonParser p, JsonToken value, long min, long max) throws IOException, NotSure {
        expect(value == JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        expect(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
        long number = p.getLongValue();
        expect(number >= min && number <= max);
        return number;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static void expect(boolean sure) throws NotSure {
        if (!sure) {
            throw NotSure.INSTANCE;
        }
    }
}
