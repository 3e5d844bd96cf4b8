package io.paperjam.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads {@code \n}-ended lines from a stream, refusing any line longer than a limit. */
final class LineReader {

    private final InputStream in;
    private final int maxBytes;
    private byte[] buffer = new byte[8192];
    /** Bytes of the current line read so far; kept across a read timeout so no byte is lost. */
    private int length;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its {@code \n} (or {@code \r\n}), or null at end of stream before any byte. */
    byte[] readLine() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new IOException("the printer closed the connection in the middle of a line");
            }
            if (b == '\n') {
                int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                return Arrays.copyOf(buffer, end);
            }
            if (length == maxBytes) {
                throw new IOException("a reply line is longer than " + maxBytes + " bytes");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
        }
    }

    /** True when bytes are waiting to be read without blocking: the printer has answered already. */
    boolean hasInput() throws IOException {
        return in.available() > 0;
    }
}
