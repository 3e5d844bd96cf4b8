package io.paperjam.client.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking connection of a {@link SelectorLoop}: its socket, its view of the shared request
 * bytes, its reply buffer and where its current job stands. It does the I/O; the loop decides what next.
 */
final class NioConnection {

    /** What the connection is doing. */
    enum State {
        /** no socket: about to take a ticket and connect */
        CLOSED,
        /** a connect is under way (it already holds its job's ticket) */
        CONNECTING,
        /** a job was sent or is being sent, and its reply is awaited */
        IN_JOB,
        /** idle after a failed connect, until {@link #restUntil} */
        RESTING,
        /** the run is over for this connection */
        FINISHED
    }

    /** Returned by {@link #receive()} while the reply line is not whole yet. */
    static final int NO_LINE = -1;
    /** A reply line usually fits (the printer's state makes it a few hundred bytes); longer ones grow it. */
    static final int FIRST_REPLY_BUFFER_BYTES = 4096;

    private final InetSocketAddress address;
    private final ByteBuffer request;
    private ByteBuffer reply = ByteBuffer.allocate(FIRST_REPLY_BUFFER_BYTES);
    private int scanned;
    private SocketChannel channel;
    private SelectionKey key;

    State state = State.CLOSED;
    /** When the job's first byte was written, and when its reply line was read. */
    long began;
    long answered;
    /** Last time the socket made progress, for the timeout. */
    long lastProgress;
    long restUntil;
    /** Whether the whole request was written, whether its reply line was read, and its verdict. */
    boolean sent;
    boolean replied;
    String errorCode;

    /** @param wire the request bytes shared by every connection; this connection reads them through its own view */
    NioConnection(InetSocketAddress address, ByteBuffer wire) {
        this.address = address;
        this.request = wire.duplicate();
    }

    /**
     * Opens a socket and starts connecting it; registered with no interest yet (or for the connect's end).
     *
     * @return true when already connected
     */
    boolean startConnect(Selector selector, long now) throws IOException {
        SocketChannel ch = SocketChannel.open();
        boolean done;
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            done = ch.connect(address);
            key = ch.register(selector, done ? 0 : SelectionKey.OP_CONNECT, this);
            channel = ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        state = State.CONNECTING;
        lastProgress = now;
        return done;
    }

    /** @return true once the connect completed; throws when it failed */
    boolean finishConnect() throws IOException {
        if (!channel.finishConnect()) {
            return false;
        }
        key.interestOps(0);
        return true;
    }

    /** Starts a job: from now on the request is written from its first byte and the reply is awaited. */
    void begin(long now) {
        state = State.IN_JOB;
        request.rewind();
        began = now;
        lastProgress = now;
        sent = false;
        replied = false;
        errorCode = null;
    }

    /** Writes what the socket takes of the request; asks for write readiness only while some is left. */
    void send(long now) throws IOException {
        if (channel.write(request) > 0) {
            lastProgress = now;
        }
        sent = !request.hasRemaining();
        updateInterest();
    }

    /**
     * The reply line was read. A refusal may come before the whole request was sent (the printer
     * answers as soon as it knows); the rest is still written, so the connection stays in step.
     */
    void markReplied() {
        replied = true;
        updateInterest();
    }

    /**
     * Reads what arrived and looks for the end of the reply line.
     *
     * @return the line's length without its line end, once whole (then {@link #replyBytes} holds it
     *         until {@link #consumeLine}); else {@link #NO_LINE}
     * @throws EOFException when the printer closed the connection
     */
    int receive(long now) throws IOException {
        if (!reply.hasRemaining()) {
            grow();
        }
        int n = channel.read(reply);
        if (n < 0) {
            throw new EOFException("the printer closed the connection");
        }
        if (n > 0) {
            lastProgress = now;
        }
        byte[] bytes = reply.array();
        for (int end = reply.position(); scanned < end; scanned++) {
            if (bytes[scanned] == '\n') {
                return scanned;
            }
        }
        return NO_LINE;
    }

    byte[] replyBytes() {
        return reply.array();
    }

    /** Drops the line just read (up to and including its line end), keeping anything after it. */
    void consumeLine(int length) {
        reply.flip().position(length + 1);
        reply.compact();
        scanned = 0;
    }

    boolean isOpen() {
        return channel != null;
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a benchmark connection: nothing to report
            }
        }
        channel = null;
        key = null;
        reply.clear();
        scanned = 0;
        state = State.CLOSED;
    }

    private void updateInterest() {
        int ops = sent ? SelectionKey.OP_READ
                : replied ? SelectionKey.OP_WRITE : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
        if (key.interestOps() != ops) {   // unchanged interest costs no system call
            key.interestOps(ops);
        }
    }

    private void grow() throws IOException {
        if (reply.capacity() >= LeanSender.MAX_REPLY_BYTES) {
            throw new IOException("reply longer than " + LeanSender.MAX_REPLY_BYTES + " bytes");
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(reply.capacity() * 2, LeanSender.MAX_REPLY_BYTES));
        reply.flip();
        bigger.put(reply);
        reply = bigger;
    }
}
