package io.paperjam.client.bench;

import java.io.Closeable;
import java.io.IOException;

/** One connection of a load run: submits the same job again and again, each time waiting for its reply. */
interface JobSender extends Closeable {

    /**
     * Submits one job and waits for its reply.
     *
     * @return null when the printer acknowledged it, else the printer's error code (e.g. "spool-full")
     * @throws IOException when the connection failed; the sender is then unusable
     */
    String submit() throws IOException;

    @Override
    void close();
}
