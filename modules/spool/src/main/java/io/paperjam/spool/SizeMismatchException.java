package io.paperjam.spool;

/** Thrown when the document's size differs from the one the writer declared; nothing was kept. */
public class SizeMismatchException extends SpoolException {

    public SizeMismatchException(String message) {
        super(message);
    }

    public SizeMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
