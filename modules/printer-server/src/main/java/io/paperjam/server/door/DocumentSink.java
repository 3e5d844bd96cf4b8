package io.paperjam.server.door;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link DocumentIngest} puts a document's bytes: a spool upload, or a holding file. Its
 * methods run on the disk executor, one at a time and in order, never on an event loop.
 */
public interface DocumentSink {

    /** Writes all of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /** Throws away whatever was written; never throws. */
    void abort();
}
