package io.paperjam.server.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.RequestParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames the JSON-header protocol: a request line (at most {@code maxHeaderBytes}, {@code \n} or
 * {@code \r\n}), and after a submit exactly {@code size} bytes of document, passed on as retained
 * slices so that the document is never gathered in memory.
 *
 * <p>Emits {@link Request}, {@link BadFrame}, document {@link ByteBuf}s and {@link BodyEnd}.
 * Empty lines are skipped. A submit line that fails to parse but still names a usable size has
 * its body skipped here, so the connection stays in step; one whose size is unknown is fatal.
 */
public final class RequestDecoder extends ByteToMessageDecoder {

    private enum State { HEADER, BODY, SKIP_BODY, DISCARD }

    private final int maxHeaderBytes;
    private State state = State.HEADER;
    private long remaining;
    private int scanned;
    /** When the request line now arriving began (System.nanoTime), or 0 when none is under way. */
    private long lineStarted;

    public RequestDecoder(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Drops everything still to come, for a connection that is being closed. */
    void discardRest() {
        state = State.DISCARD;
    }

    /**
     * How long the request line now arriving has been under way, empty lines before it included;
     * 0 when no line is half-received. A client that trickles a line byte by byte never looks
     * idle, so this is what catches it.
     */
    long lineAgeNanos(long now) {
        return state == State.HEADER && lineStarted != 0 ? now - lineStarted : 0;
    }

    /** Starts the line clock afresh, for when the server itself stopped reading for a while. */
    void restartLineClock(long now) {
        if (lineStarted != 0) {
            lineStarted = now;
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case HEADER -> decodeLine(in, out);
            case BODY -> {
                int n = (int) Math.min(in.readableBytes(), remaining);
                out.add(in.readRetainedSlice(n));
                bodyRead(n, out);
            }
            case SKIP_BODY -> {
                int n = (int) Math.min(in.readableBytes(), remaining);
                in.skipBytes(n);
                bodyRead(n, null);
            }
            case DISCARD -> in.skipBytes(in.readableBytes());
        }
    }

    private void decodeLine(ByteBuf in, List<Object> out) {
        int readable = in.readableBytes();
        if (lineStarted == 0 && readable > 0) {
            lineStarted = System.nanoTime();
        }
        int window = Math.min(readable, maxHeaderBytes);
        int lf = in.indexOf(in.readerIndex() + scanned, in.readerIndex() + window, (byte) '\n');
        if (lf < 0) {
            if (readable >= maxHeaderBytes) {
                state = State.DISCARD;
                in.skipBytes(readable);
                out.add(new BadFrame(new ProtocolException(ErrorCode.TOO_LARGE,
                        "request line is longer than " + maxHeaderBytes + " bytes"), true));
            } else {
                scanned = readable;    // search only the new bytes next time
            }
            return;
        }
        scanned = 0;
        byte[] line = new byte[lf - in.readerIndex()];
        in.readBytes(line);
        in.skipBytes(1);
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        if (length == 0) {
            return;
        }
        lineStarted = 0;
        try {
            Request request = RequestParser.parse(line, 0, length);
            out.add(request);
            if (request instanceof Request.Submit submit) {
                startBody(submit.size(), State.BODY, out);
            }
        } catch (ProtocolException e) {
            long size = submitSize(line, length);
            boolean lostStep = size == UNKNOWN || size == UNREADABLE_SUBMIT;
            out.add(new BadFrame(size == UNREADABLE_SUBMIT
                    ? new ProtocolException(e.code(), e.getMessage() + UNREADABLE_SUBMIT_NOTE) : e, lostStep));
            if (lostStep) {
                state = State.DISCARD;
            } else if (size > 0) {
                startBody(size, State.SKIP_BODY, null);
            }
        }
    }

    private void startBody(long size, State bodyState, List<Object> out) {
        if (size == 0) {
            if (out != null) {
                out.add(BodyEnd.INSTANCE);
            }
            return;
        }
        remaining = size;
        state = bodyState;
    }

    private void bodyRead(int n, List<Object> out) {
        remaining -= n;
        if (remaining == 0) {
            state = State.HEADER;
            if (out != null) {
                out.add(BodyEnd.INSTANCE);
            }
        }
    }

    private static final long UNKNOWN = -1;
    private static final long NOT_A_SUBMIT = 0;
    private static final long UNREADABLE_SUBMIT = -2;
    private static final String UNREADABLE_SUBMIT_NOTE =
            "; this looks like a submit whose document's end is unknown, so the connection is closed";
    private static final byte[] SUBMIT = "submit".getBytes(StandardCharsets.US_ASCII);

    /**
     * For a refused line: how many document bytes follow it. 0 when it is not a submit, so
     * nothing follows; {@link #UNKNOWN} when it is a submit without a usable size.
     *
     * <p>A line that is not even valid JSON (a duplicate key, a stray comma, bad UTF-8, deep
     * nesting) but mentions "submit" is {@link #UNREADABLE_SUBMIT}: treating the document that
     * may follow as request lines would run whatever requests the document happens to contain.
     */
    private static long submitSize(byte[] line, int length) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(line, 0, length);
        } catch (Exception notJson) {
            return contains(line, length, SUBMIT) ? UNREADABLE_SUBMIT : NOT_A_SUBMIT;
        }
        if (tree == null || !tree.isObject() || !"submit".equals(tree.path("op").asText(null))) {
            return NOT_A_SUBMIT;
        }
        JsonNode size = tree.get("size");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
            return UNKNOWN;
        }
        return size.longValue();
    }

    private static boolean contains(byte[] line, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (line[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
