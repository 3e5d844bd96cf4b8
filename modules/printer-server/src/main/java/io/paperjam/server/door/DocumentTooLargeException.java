package io.paperjam.server.door;

import java.io.IOException;

/** A document went past the door's {@link DoorLimits#maxDocumentBytes()}; its upload was aborted. */
public final class DocumentTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(long limit) {
        super("the document is larger than the limit of " + limit + " bytes");
    }
}
