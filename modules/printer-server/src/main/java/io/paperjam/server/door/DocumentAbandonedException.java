package io.paperjam.server.door;

import java.io.IOException;

/** The sender went away (or gave up) before its document ended; what it sent was thrown away. */
public final class DocumentAbandonedException extends IOException {

    private static final long serialVersionUID = 1L;

    public DocumentAbandonedException(String why) {
        super(why);
    }
}
