package io.paperjam.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP (or TLS) connection to a printer: writes request lines and reads reply lines, turning socket failures
 * into clear client exceptions. The socket is a blocking {@link SocketChannel}'s, so that a plain connection can
 * send document bytes straight from a direct buffer (no copy through the heap).
 */
final class Connection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ClientSettings settings;
    private final Socket socket;
    /** The channel to write document bytes to directly, or null under TLS (which needs the socket's stream). */
    private final SocketChannel plain;
    private final LineReader reader;
    private final OutputStream out;
    private byte[] scratch;

    private Connection(ClientSettings settings, Socket socket, SocketChannel plain) throws IOException {
        this.settings = settings;
        this.socket = socket;
        this.plain = plain;
        this.reader = new LineReader(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES),
                settings.maxReplyBytes());
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
    }

    static Connection open(ClientSettings settings) throws PrintClientException {
        Socket socket;
        try {
            socket = SocketChannel.open().socket();
        } catch (IOException e) {
            throw connectFailure(settings, e);
        }
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(millis(settings.readTimeout()));
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    millis(settings.connectTimeout()));
            LOG.debug("connected to {}", settings.address());
            if (settings.tls() == null) {
                return new Connection(settings, socket, socket.getChannel());
            }
            return new Connection(settings, TlsSockets.wrap(socket, settings), null);
        } catch (IOException e) {
            closeQuietly(socket);
            throw connectFailure(settings, e);
        }
    }

    /** Writes one request line (which ends in a newline) and flushes it. */
    void send(byte[] line) throws PrintClientException {
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw lost("sending a request", e);
        }
    }

    /** The raw stream a document body is written to; the caller flushes. */
    OutputStream body() {
        return out;
    }

    /** True when {@link #writeBody} takes a direct buffer without copying it (plain TCP). */
    boolean takesDirectBuffers() {
        return plain != null;
    }

    /** Writes all of {@code bytes} as document body; under TLS through the buffered stream, so flush after. */
    void writeBody(ByteBuffer bytes) throws IOException {
        if (plain != null) {
            out.flush();   // anything still buffered goes first
            while (bytes.hasRemaining()) {
                plain.write(bytes);
            }
        } else if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
        } else {
            if (scratch == null) {
                scratch = new byte[BUFFER_BYTES];
            }
            while (bytes.hasRemaining()) {
                int n = Math.min(scratch.length, bytes.remaining());
                bytes.get(scratch, 0, n);
                out.write(scratch, 0, n);
            }
        }
    }

    /** The next line from the printer; a closed connection or a timeout is an exception, never null. */
    byte[] readLine() throws PrintClientException {
        try {
            byte[] line = reader.readLine();
            if (line == null) {
                throw new EOFException("the printer closed the connection");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new PrinterTimeoutException("no answer from " + settings.address() + " within "
                    + seconds(settings.readTimeout()), e);
        } catch (IOException e) {
            throw lost("waiting for the answer", e);
        }
    }

    /** Like {@link #readLine} but gives up quietly with null after {@code wait} without a whole line. */
    byte[] pollLine(Duration wait) throws PrintClientException {
        try {
            socket.setSoTimeout(Math.max(1, millis(wait)));
            return readLine();
        } catch (PrinterTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw lost("waiting for events", e);
        } finally {
            try {
                socket.setSoTimeout(millis(settings.readTimeout()));
            } catch (IOException e) {
                LOG.debug("could not restore the read timeout", e);
            }
        }
    }

    /** True when the printer has already sent something, for example an early refusal of an upload. */
    boolean hasInput() {
        try {
            return reader.hasInput();
        } catch (IOException e) {
            return false;
        }
    }

    ClientSettings settings() {
        return settings;
    }

    PrintClientException lost(String doing, IOException cause) {
        if (cause instanceof SocketTimeoutException) {
            return new PrinterTimeoutException("the printer at " + settings.address()
                    + " stopped responding while " + doing, cause);
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PrinterConnectException("lost the connection to " + settings.address() + " while "
                + doing + ": " + why, cause);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static PrintClientException connectFailure(ClientSettings settings, IOException e) {
        String where = settings.address();
        if (e instanceof SocketTimeoutException) {
            return new PrinterTimeoutException("cannot connect to " + where + ": no answer within "
                    + seconds(settings.connectTimeout()), e);
        }
        if (e instanceof TlsSockets.TlsFailure) {
            return new PrinterConnectException(e.getMessage(), e);
        }
        String why;
        if (e instanceof ConnectException && String.valueOf(e.getMessage()).toLowerCase().contains("refused")) {
            why = "connection refused — is bin/printer-server running?";
        } else if (e instanceof UnknownHostException) {
            why = "unknown host";
        } else if (e instanceof NoRouteToHostException) {
            why = "no route to host";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new PrinterConnectException("cannot connect to " + where + ": " + why, e);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.toMillis()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
