package io.paperjam.spool;

/** The journal cannot take records any more (an earlier write or fsync failed); the commit takes the file path. */
final class JournalFailedException extends SpoolException {

    JournalFailedException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
