package io.paperjam.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A tiny test client: writes raw bytes and reads reply lines, with a timeout on every read. */
final class LineClient implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_LINE = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static LineClient connect(InetSocketAddress server) throws IOException {
        return new LineClient(new Socket(server.getAddress(), server.getPort()));
    }

    /** Connects from {@code localAddress}, e.g. 127.0.0.2, which the server does not treat as local. */
    static LineClient connectFrom(String localAddress, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(server, READ_TIMEOUT_MILLIS);
        return new LineClient(socket);
    }

    LineClient send(String line) throws IOException {
        return sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    LineClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one request line and reads its reply. */
    JsonNode request(String line) throws IOException {
        send(line);
        return read();
    }

    /** Sends a submit header and its document, and reads the reply. */
    JsonNode submit(String headerFields, byte[] document) throws IOException {
        send("{\"op\":\"submit\"," + headerFields + ",\"size\":" + document.length + "}");
        sendBytes(document);
        return read();
    }

    JsonNode read() throws IOException {
        byte[] line = readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return Json.mapper().readTree(line);
    }

    /** One line without its newline, or null at end of stream. */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("reply line over " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.toByteArray();
    }

    /** True when the server closed the connection (end of stream, or a reset) within the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    OutputStream output() {
        return out;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
