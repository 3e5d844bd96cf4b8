package io.paperjam.spool;

import java.io.IOException;

/** Base of every failure the spool reports on purpose (as opposed to a plain I/O error from the disk). */
public class SpoolException extends IOException {

    public SpoolException(String message) {
        super(message);
    }

    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
