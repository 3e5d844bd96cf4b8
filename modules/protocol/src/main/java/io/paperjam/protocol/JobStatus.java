package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A job's state, as IPP's {@code job-state} (RFC 8011 section 5.3.7). */
public enum JobStatus {
    PENDING("pending", 3),
    PENDING_HELD("pending-held", 4),
    PROCESSING("processing", 5),
    PROCESSING_STOPPED("processing-stopped", 6),
    CANCELED("canceled", 7),
    ABORTED("aborted", 8),
    COMPLETED("completed", 9);

    private final String wire;
    private final int ippEnum;

    JobStatus(String wire, int ippEnum) {
        this.wire = wire;
        this.ippEnum = ippEnum;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public int ippEnum() {
        return ippEnum;
    }

    /** Completed, canceled and aborted jobs never change again. */
    public boolean isTerminal() {
        return ippEnum >= 7;
    }

    public static Optional<JobStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
