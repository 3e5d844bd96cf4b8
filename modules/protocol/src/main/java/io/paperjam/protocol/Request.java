package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A parsed request line. Each op is a record; {@link RequestParser} builds them from the wire
 * and {@link Json#line} writes them back, with {@code op} first.
 */
public sealed interface Request {

    /** The op name as written on the wire. */
    @JsonProperty("op")
    String op();

    /** The admin token sent with the request, or null; only admin ops carry one. */
    default String token() {
        return null;
    }

    /**
     * Submit a document of exactly {@code size} bytes, which follows the line. {@code sha256} is
     * the document's digest (64 hex digits), or {@link #SHA256_TRAILER} when a
     * {@link ChecksumTrailer} line follows the document instead, or null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"op", "name", "size", "format", "copies", "pages", "user", "sha256"})
    record Submit(String name, long size, String format, Integer copies, Integer pages, String user,
                  String sha256) implements Request {

        /** The {@code sha256} value that announces a checksum trailer after the document. */
        public static final String SHA256_TRAILER = "trailer";

        public String op() {
            return "submit";
        }

        /** True when the digest follows the document as a {@link ChecksumTrailer} line. */
        @JsonIgnore
        public boolean hasChecksumTrailer() {
            return SHA256_TRAILER.equals(sha256);
        }

        /** The digest declared in the line itself, or null (none, or one in a trailer). */
        @JsonIgnore
        public String declaredSha256() {
            return hasChecksumTrailer() ? null : sha256;
        }
    }

    /** The printer's state, reasons and supplies. */
    record Status() implements Request {
        public String op() {
            return "status";
        }
    }

    /** Jobs, newest last; {@code states} null means the ones not yet finished. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"op", "states", "limit"})
    record Jobs(List<JobStatus> states, Integer limit) implements Request {
        public String op() {
            return "jobs";
        }
    }

    /** One job by id, also after its document was pruned. */
    @JsonPropertyOrder({"op", "id"})
    record Job(long id) implements Request {
        public String op() {
            return "job";
        }
    }

    /** Cancel a pending, stopped or printing job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"op", "id", "user", "token"})
    record Cancel(long id, String user, String token) implements Request {
        public String op() {
            return "cancel";
        }
    }

    /** Set, clear or list the simulated faults. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"op", "action", "names", "all", "token"})
    record Fault(FaultAction action, List<PrinterReason> names, Boolean all, String token)
            implements Request {
        public String op() {
            return "fault";
        }
    }

    /** Refill supplies, or set them to given levels. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"op", "action", "supply", "paper", "ink", "token"})
    record SuppliesChange(SuppliesAction action, SupplyKind supply, Integer paper,
                          Map<String, Integer> ink, String token) implements Request {
        public String op() {
            return "supplies";
        }
    }

    /** Stop taking jobs to the device after the current page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pause(String token) implements Request {
        public String op() {
            return "pause";
        }
    }

    /** Undo a pause. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resume(String token) implements Request {
        public String op() {
            return "resume";
        }
    }

    /** Turn the connection into a stream of event lines. */
    record Watch() implements Request {
        public String op() {
            return "watch";
        }
    }
}
