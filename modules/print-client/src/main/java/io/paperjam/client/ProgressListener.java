package io.paperjam.client;

/** Told how far a document upload has got; called on the uploading thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every report. */
    ProgressListener NONE = (sent, total) -> { };

    /**
     * @param sent bytes of the document written to the connection so far
     * @param total the document's size in bytes
     */
    void progress(long sent, long total);
}
