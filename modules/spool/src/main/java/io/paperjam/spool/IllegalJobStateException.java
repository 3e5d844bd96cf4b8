package io.paperjam.spool;

/** Thrown when the job is not in a state that allows the requested change (e.g. finishing a done job). */
public class IllegalJobStateException extends SpoolException {

    public IllegalJobStateException(String message) {
        super(message);
    }

    public IllegalJobStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
