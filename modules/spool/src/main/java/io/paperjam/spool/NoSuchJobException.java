package io.paperjam.spool;

/** Thrown when no job with that id is queued, active or done. */
public class NoSuchJobException extends SpoolException {

    public NoSuchJobException(String message) {
        super(message);
    }

    public NoSuchJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
