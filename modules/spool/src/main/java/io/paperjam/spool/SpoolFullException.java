package io.paperjam.spool;

/** Thrown when the spool quota (bytes or jobs) would be exceeded; nothing of the upload was kept. */
public class SpoolFullException extends SpoolException {

    public SpoolFullException(String message) {
        super(message);
    }

    public SpoolFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
