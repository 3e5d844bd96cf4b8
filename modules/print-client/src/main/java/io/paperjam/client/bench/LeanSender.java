package io.paperjam.client.bench;

import io.paperjam.protocol.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The lean sender: a plain blocking socket, on a thread of its own, that writes the request line and
 * document in one write and reads the reply line back, checking only "ok" and "error". No per-job
 * encoding; the {@link SelectorLoop} goes further (no thread per connection, no parse of an ack).
 */
final class LeanSender implements JobSender {

    /** Replies carry the printer's state; far shorter than this. */
    static final int MAX_REPLY_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] wire;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

    LeanSender(BenchSettings settings, BenchJob job) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        wire = job.wire();
    }

    @Override
    public String submit() throws IOException {
        out.write(wire);
        out.flush();
        return ReplyLine.errorCode(Json.mapper().readTree(readLine()));
    }

    private byte[] readLine() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the printer closed the connection");
            }
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() >= MAX_REPLY_BYTES) {
                throw new IOException("reply longer than " + MAX_REPLY_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a benchmark connection: nothing to report
        }
    }
}
