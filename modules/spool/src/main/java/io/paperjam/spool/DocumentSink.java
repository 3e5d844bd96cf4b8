package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where an upload's bytes go while they stream in: a data file in tmp/ or, for a journaled job, memory. */
interface DocumentSink {

    /** Takes all of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /** Ends the stream and returns the hex SHA-256 of everything written. */
    String finish() throws IOException;

    /** Frees buffers after a failure or abort; never throws. */
    void release();
}
