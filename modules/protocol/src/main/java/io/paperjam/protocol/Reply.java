package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One reply line. Success carries {@code "ok": true} and whichever results the op has; failure
 * carries {@code "ok": false}, a stable {@link ErrorCode} in {@code error} and a human message.
 * Replies that concern the printer carry its state, so a refused submit says what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ok", "error", "message", "protocol", "job", "jobs", "faults", "printer"})
public record Reply(
        boolean ok,
        String error,
        String message,
        Integer protocol,
        JobInfo job,
        List<JobInfo> jobs,
        List<String> faults,
        PrinterInfo printer) {

    public static Reply success() {
        return new Reply(true, null, null, null, null, null, null, null);
    }

    public static Reply error(ErrorCode code, String message) {
        return new Reply(false, code.wire(), message, null, null, null, null, null);
    }

    public Reply withMessage(String text) {
        return new Reply(ok, error, text, protocol, job, jobs, faults, printer);
    }

    public Reply withProtocol(int version) {
        return new Reply(ok, error, message, version, job, jobs, faults, printer);
    }

    public Reply withJob(JobInfo value) {
        return new Reply(ok, error, message, protocol, value, jobs, faults, printer);
    }

    public Reply withJobs(List<JobInfo> value) {
        return new Reply(ok, error, message, protocol, job, List.copyOf(value), faults, printer);
    }

    public Reply withFaults(List<String> value) {
        return new Reply(ok, error, message, protocol, job, jobs, List.copyOf(value), printer);
    }

    public Reply withPrinter(PrinterInfo value) {
        return new Reply(ok, error, message, protocol, job, jobs, faults, value);
    }

    /** The error code of a failed reply, if it is one this build knows. */
    public ErrorCode errorCode() {
        return error == null ? null : ErrorCode.fromWire(error).orElse(ErrorCode.INTERNAL);
    }
}
