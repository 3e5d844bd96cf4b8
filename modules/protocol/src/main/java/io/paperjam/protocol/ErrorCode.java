package io.paperjam.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The stable machine codes carried in {@code "error"} of a failed reply. */
public enum ErrorCode {
    BAD_REQUEST("bad-request", "the request line is not a valid request"),
    UNKNOWN_OP("unknown-op", "the op is not one this printer knows"),
    UNSUPPORTED_VERSION("unsupported-version", "the request asks for a newer protocol version"),
    TOO_LARGE("too-large", "the request line or document is over a limit"),
    SPOOL_FULL("spool-full", "the spool quota is reached"),
    NOT_FOUND("not-found", "no such job"),
    UNAUTHORIZED("unauthorized", "an admin operation needs a valid token"),
    CHECKSUM_MISMATCH("checksum-mismatch", "the document does not match its sha256"),
    CONFLICT("conflict", "the job is not in a state that allows this"),
    BUSY("busy", "the server is at its connection limit or shutting down"),
    TIMEOUT("timeout", "the client was idle for too long"),
    INTERNAL("internal", "the server failed; see its log"),
    PAPER_OUT("paper-out", "the paper tray is empty"),
    NO_INK("no-ink", "an ink or toner cartridge is empty"),
    PAPER_JAM("paper-jam", "paper is jammed"),
    COVER_OPEN("cover-open", "a cover or door is open"),
    OFFLINE("offline", "the printer is offline");

    private final String wire;
    private final String meaning;

    ErrorCode(String wire, String meaning) {
        this.wire = wire;
        this.meaning = meaning;
    }

    /** The code as written on the wire, for example {@code paper-out}. */
    public String wire() {
        return wire;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ErrorCode> fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }

    /** The error code a printer fault is refused with. */
    public static ErrorCode of(PrinterReason fault) {
        return fromWire(fault.wire()).orElse(OFFLINE);
    }

    @Override
    public String toString() {
        return wire;
    }
}
