package io.paperjam.server.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw test connection that sends exactly the bytes it is given and reads reply lines as bytes,
 * so a test sees precisely what went over the wire. Every read has a timeout.
 */
final class Wire implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Longest reply line read; a `jobs` listing of many thousand jobs is several megabytes. */
    private static final int MAX_LINE = 64 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Wire(Socket socket, int timeoutMillis) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(timeoutMillis);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static Wire connect(InetSocketAddress server) throws IOException {
        return connectFrom(null, server);
    }

    /** Connects from {@code localAddress} (e.g. 127.0.0.2, which the server treats as remote); null for any. */
    static Wire connectFrom(String localAddress, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(server, READ_TIMEOUT_MILLIS);
        return new Wire(socket, READ_TIMEOUT_MILLIS);
    }

    Wire send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends part of {@code bytes}, up to its end. */
    Wire output(byte[] bytes, int from, int length) throws IOException {
        out.write(bytes, from, Math.min(length, bytes.length - from));
        out.flush();
        return this;
    }

    Wire send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One reply line without its newline, or null when the server closed first. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("reply line over " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** True when the server closed (end of stream or reset) before the read timeout; no data may come first. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
