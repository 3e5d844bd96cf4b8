package io.paperjam.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Streams a document body after its submit line, in chunks, reporting progress; stops early
 * when the printer answers before the body is all sent (a refusal such as too-large or paper-out).
 */
final class DocumentUpload {

    /** Bytes per write; also how often progress is reported and the printer is checked for an early answer. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** How long to look for a reply after the printer broke the connection mid-upload. */
    static final Duration LAST_WORD_WAIT = Duration.ofSeconds(2);

    private final Connection connection;
    private final ProgressListener progress;

    DocumentUpload(Connection connection, ProgressListener progress) {
        this.connection = connection;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /**
     * Sends exactly {@code size} bytes from {@code in}.
     *
     * @return the printer's reply line when it answered before the whole body was sent, or null
     *     when the whole body went out (the reply is still to be read)
     */
    byte[] send(InputStream in, long size) throws PrintClientException {
        OutputStream out = connection.body();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, Math.max(1, size))];
        long sent = 0;
        progress.progress(0, size);
        try {
            while (sent < size) {
                if (connection.hasInput()) {
                    return connection.readLine();
                }
                int n = readChunk(in, chunk, (int) Math.min(chunk.length, size - sent));
                if (n < 0) {
                    throw new PrintClientException("the document ended after " + sent + " of the "
                            + size + " bytes announced");
                }
                out.write(chunk, 0, n);
                sent += n;
                progress.progress(sent, size);
            }
            out.flush();
            return null;
        } catch (PrintClientException e) {
            throw e;
        } catch (IOException e) {
            byte[] lastWord = lastWord();
            if (lastWord != null) {
                return lastWord;
            }
            throw connection.lost("sending the document (" + sent + " of " + size + " bytes sent)", e);
        }
    }

    /** The reply the printer may have sent before it closed the connection on us, or null. */
    private byte[] lastWord() {
        try {
            return connection.pollLine(LAST_WORD_WAIT);
        } catch (PrintClientException e) {
            return null;
        }
    }

    private static int readChunk(InputStream in, byte[] chunk, int want) throws PrintClientException {
        try {
            int n = in.readNBytes(chunk, 0, want);
            return n == 0 ? -1 : n;
        } catch (IOException e) {
            throw new PrintClientException("cannot read the document: " + e.getMessage(), e);
        }
    }
}
