package io.paperjam.spool;

/** Thrown when the document's SHA-256 differs from the one the writer declared; nothing was kept. */
public class ChecksumMismatchException extends SpoolException {

    public ChecksumMismatchException(String message) {
        super(message);
    }

    public ChecksumMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
