package io.paperjam.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Reply} and {@link Event} lines field by field on Jackson's streaming generator, with the
 * same bytes databind writes from their annotations (order, nulls left out, enums by wire name, instants
 * as ISO-8601): the server writes one per job and per event, and databind's reflective accessors, its
 * per-call serializer lookups and {@code Instant.toString} were a large share of its CPU per job.
 * {@code ReplyWriterTest} checks the bytes against databind's and fails when a record gains a field.
 */
final class ReplyWriter {

    /** Room for a typical submit reply (about 500 bytes), so the buffer rarely grows. */
    private static final int FIRST_BUFFER_BYTES = 1024;

    private ReplyWriter() {
    }

    /** {@code reply} as one line of JSON, {@code \n} included. */
    static byte[] line(Reply reply) {
        return write(reply, null);
    }

    /** {@code event} as one line of JSON, {@code \n} included. */
    static byte[] line(Event event) {
        return write(null, event);
    }

    private static byte[] write(Reply reply, Event event) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(FIRST_BUFFER_BYTES);
        try (JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes)) {
            if (reply != null) {
                reply(out, reply);
            } else {
                event(out, event);
            }
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void reply(JsonGenerator out, Reply r) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("ok", r.ok());
        string(out, "error", r.error());
        string(out, "message", r.message());
        if (r.protocol() != null) {
            out.writeNumberField("protocol", r.protocol());
        }
        if (r.job() != null) {
            out.writeFieldName("job");
            job(out, r.job());
        }
        if (r.jobs() != null) {
            out.writeArrayFieldStart("jobs");
            for (JobInfo job : r.jobs()) {
                job(out, job);
            }
            out.writeEndArray();
        }
        strings(out, "faults", r.faults());
        if (r.printer() != null) {
            out.writeFieldName("printer");
            printer(out, r.printer());
        }
        out.writeEndObject();
    }

    private static void event(JsonGenerator out, Event e) throws IOException {
        out.writeStartObject();
        string(out, "event", e.event());
        out.writeNumberField("seq", e.seq());
        instant(out, "time", e.time());
        if (e.page() != null) {
            out.writeNumberField("page", e.page());
        }
        if (e.job() != null) {
            out.writeFieldName("job");
            job(out, e.job());
        }
        if (e.printer() != null) {
            out.writeFieldName("printer");
            printer(out, e.printer());
        }
        out.writeEndObject();
    }

    private static void job(JsonGenerator out, JobInfo j) throws IOException {
        if (j == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeNumberField("id", j.id());
        string(out, "name", j.name());
        string(out, "user", j.user());
        string(out, "format", j.format());
        string(out, "state", j.state() == null ? null : j.state().wire());
        string(out, "reason", j.reason());
        out.writeNumberField("size", j.size());
        string(out, "sha256", j.sha256());
        out.writeNumberField("copies", j.copies());
        if (j.pages() != null) {
            out.writeNumberField("pages", j.pages());
        }
        out.writeNumberField("pagesPrinted", j.pagesPrinted());
        instant(out, "submitted", j.submitted());
        instant(out, "updated", j.updated());
        out.writeEndObject();
    }

    private static void printer(JsonGenerator out, PrinterInfo p) throws IOException {
        out.writeStartObject();
        string(out, "state", p.state() == null ? null : p.state().wire());
        strings(out, "reasons", p.reasons());
        string(out, "message", p.message());
        if (p.supplies() != null) {
            out.writeFieldName("supplies");
            supplies(out, p.supplies());
        }
        out.writeNumberField("queued", p.queued());
        if (p.printing() != null) {
            out.writeNumberField("printing", p.printing());
        }
        out.writeEndObject();
    }

    /** Supplies has no NON_NULL rule: a missing part is written as null, as databind does. */
    private static void supplies(JsonGenerator out, Supplies s) throws IOException {
        out.writeStartObject();
        out.writeFieldName("paper");
        if (s.paper() == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            out.writeNumberField("sheets", s.paper().sheets());
            out.writeNumberField("capacity", s.paper().capacity());
            out.writeEndObject();
        }
        out.writeFieldName("ink");
        if (s.ink() == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            for (Map.Entry<String, Integer> colour : s.ink().entrySet()) {
                out.writeFieldName(colour.getKey());
                if (colour.getValue() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(colour.getValue());
                }
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** A NON_NULL string property: left out when null. */
    private static void string(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    /** A NON_NULL instant, as ISO-8601 text: left out when null. */
    private static void instant(JsonGenerator out, String name, Instant value) throws IOException {
        if (value != null) {
            out.writeStringField(name, InstantText.of(value));
        }
    }

    /** A NON_NULL list of strings: left out when null; a null element is written as null. */
    private static void strings(JsonGenerator out, String name, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }
}
