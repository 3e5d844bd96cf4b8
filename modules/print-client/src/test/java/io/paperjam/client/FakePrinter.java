package io.paperjam.client;

import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny scripted line server on a loopback port, for tests that need exact control of the
 * bytes a printer sends: it records every request line and answers each with {@code script}.
 * A submit's body is read (and recorded) unless the script's answer is sent early.
 */
public final class FakePrinter implements AutoCloseable {

    /** What to do with one request line. */
    public record Answer(byte[] line, boolean early, boolean silent) {
        public static Answer of(Reply reply) {
            return new Answer(Json.line(reply), false, false);
        }

        public static Answer raw(byte[] line) {
            return new Answer(line, false, false);
        }

        /** Answer right after the header, without reading the body, then close. */
        public static Answer early(Reply reply) {
            return new Answer(Json.line(reply), true, false);
        }

        /** Never answer. */
        public static Answer silence() {
            return new Answer(null, false, true);
        }
    }

    private final ServerSocket server;
    private final Function<String, Answer> script;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> trailers = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public FakePrinter(Function<String, Answer> script) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.script = script;
        this.thread = new Thread(this::serve, "fake-printer");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public ClientSettings settings() {
        return ClientSettings.defaults().withPort(port()).withUser(null)
                .withTimeout(java.time.Duration.ofSeconds(5));
    }

    /** Every request line received, without its newline, in order. */
    public List<String> lines() {
        return lines;
    }

    public List<byte[]> bodies() {
        return bodies;
    }

    /** The checksum trailer lines received after documents, without their newline, in order. */
    public List<String> trailers() {
        return trailers;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread worker = new Thread(() -> handle(socket), "fake-printer-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            converse(socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            // connection over
        }
    }

    private void converse(Socket socket, InputStream in, OutputStream out) throws IOException {
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return;
            }
            lines.add(line);
            Answer answer = script.apply(line);
            if (answer.silent()) {
                continue;
            }
            if (answer.early()) {
                out.write(answer.line());
                out.flush();
                // like a real server: half-close and drain, so the reply is not destroyed by a reset
                socket.shutdownOutput();
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            if (line.contains("\"op\":\"submit\"")) {
                long size = Json.mapper().readTree(line).get("size").asLong();
                bodies.add(in.readNBytes((int) size));
                if (line.contains("\"sha256\":\"trailer\"")) {
                    trailers.add(readLine(in));
                }
            }
            out.write(answer.line());
            out.flush();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                return buffer.toString(StandardCharsets.UTF_8);
            }
            buffer.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
