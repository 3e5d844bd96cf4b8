package io.paperjam.spool;

/** Thrown when the folder is not empty and does not look like a spool, so the spool refuses to write into it. */
public class NotASpoolException extends SpoolException {

    public NotASpoolException(String message) {
        super(message);
    }

    public NotASpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
