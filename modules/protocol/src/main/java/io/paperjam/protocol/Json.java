package io.paperjam.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The one Jackson configuration both ends use: strict on input (duplicate keys, deep nesting and
 * trailing tokens are errors), compact on output, instants as ISO-8601 text.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("paperjam-time")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Protocol.MAX_NESTING_DEPTH)
                .maxNumberLength(40)
                .maxStringLength(Protocol.DEFAULT_MAX_HEADER_BYTES)
                .build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as one line of JSON, {@code \n} included. */
    public static byte[] line(Object value) {
        if (value instanceof Reply reply) {
            return ReplyWriter.line(reply);     // one per job on the server: no reflection
        }
        if (value instanceof Event event) {
            return ReplyWriter.line(event);
        }
        return databindLine(value);
    }

    /** The value as one line of JSON by databind, from its annotations; {@link ReplyWriter} must match it. */
    static byte[] databindLine(Object value) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(value);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as JSON text without a newline. */
    public static String text(Object value) {
        byte[] line = line(value);
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    public static <T> T read(byte[] line, Class<T> type) throws IOException {
        return MAPPER.readValue(line, type);
    }

    public static <T> T read(String line, Class<T> type) throws IOException {
        return MAPPER.readValue(line, type);
    }

    private static final class InstantDeserializer
            extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(com.fasterxml.jackson.core.JsonParser p,
                                   com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws IOException {
            try {
                return Instant.parse(p.getValueAsString());
            } catch (java.time.format.DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), e.getMessage());
            }
        }
    }
}
