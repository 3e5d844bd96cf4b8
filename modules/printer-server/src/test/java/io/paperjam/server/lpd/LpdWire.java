package io.paperjam.server.lpd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-written LPD client for protocol tests: one connection, raw bytes, every ack checked by the caller. */
final class LpdWire implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    LpdWire(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends a command or subcommand line: its code byte, the text, LF. */
    LpdWire line(int code, String text) throws IOException {
        out.write(code);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
        return this;
    }

    LpdWire bytes(byte[] data) throws IOException {
        out.write(data);
        out.flush();
        return this;
    }

    /** The file's bytes and its terminating zero byte. */
    LpdWire file(byte[] data) throws IOException {
        out.write(data);
        out.write(0);
        out.flush();
        return this;
    }

    /** The next acknowledgement byte (0 yes, anything else no), or -1 when the server closed. */
    int ack() throws IOException {
        return in.read();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Everything the server sends until it closes. */
    String readAll() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        in.transferTo(text);
        return text.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
