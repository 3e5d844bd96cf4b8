package io.paperjam.server.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.paperjam.protocol.ChecksumTrailer;
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
 *
 * <p>A submit with {@code "sha256":"trailer"} is followed by a {@link ChecksumTrailer} line after its
 * document; {@link BodyEnd} is emitted only once that line is in, and carries what it said to the upload
 * (the line is bounded like a request line). A trailer line that
 * is not a valid trailer is the upload's refusal, and the connection stays in step; one over the
 * line limit is fatal.
 */
public final class RequestDecoder extends ByteToMessageDecoder {

    private enum State { HEADER, BODY, TRAILER, SKIP_BODY, SKIP_TRAILER, DISCARD }

    /**
     * What a submit's checksum trailer said: the digest, or why the line was refused.
     *
     * @param sha256 the expected SHA-256 (64 lower-case hex digits), or null when refused
     * @param refusal why the trailer line was not a valid trailer, or null
     */
    record Trailer(String sha256, ProtocolException refusal) {
    }

    /** Marks a line over the limit; compared by identity. */
    private static final byte[] OVER_LONG = new byte[0];

    private final int maxHeaderBytes;
    private State state = State.HEADER;
    /** The submit being received announced a checksum trailer after its document. */
    private boolean trailerFollows;
    private boolean skipTrailer;
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
        boolean line = state == State.HEADER || state == State.TRAILER || state == State.SKIP_TRAILER;
        return line && lineStarted != 0 ? now - lineStarted : 0;
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
            case TRAILER, SKIP_TRAILER -> decodeTrailer(in, out);
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
        byte[] line = takeLine(in);
        if (line == null) {
            return;
        }
        if (line == OVER_LONG) {
            state = State.DISCARD;
            out.add(new BadFrame(new ProtocolException(ErrorCode.TOO_LARGE,
                    "request line is longer than " + maxHeaderBytes + " bytes"), true));
            return;
        }
        int length = lineLength(line);
        if (length == 0) {
            return;
        }
        lineStarted = 0;
        try {
            Request request = RequestParser.parse(line, 0, length);
            out.add(request);
            if (request instanceof Request.Submit submit) {
                trailerFollows = submit.hasChecksumTrailer();
                startBody(submit.size(), State.BODY, out);
            }
        } catch (ProtocolException e) {
            long size = submitSize(line, length);
            boolean lostStep = size == UNKNOWN || size == UNREADABLE_SUBMIT;
            out.add(new BadFrame(size == UNREADABLE_SUBMIT
                    ? new ProtocolException(e.code(), e.getMessage() + UNREADABLE_SUBMIT_NOTE) : e, lostStep));
            if (lostStep) {
                state = State.DISCARD;
            } else if (size > 0 || skipTrailer) {
                startBody(size, State.SKIP_BODY, null);
            }
        }
    }

    /** The line after a document: the upload's checksum trailer, or one to drop after a refused submit. */
    private void decodeTrailer(ByteBuf in, List<Object> out) {
        byte[] line = takeLine(in);
        if (line == null) {
            return;
        }
        lineStarted = 0;
        if (line == OVER_LONG) {
            state = State.DISCARD;
            out.add(new BadFrame(new ProtocolException(ErrorCode.BAD_REQUEST, "the checksum trailer is longer than "
                    + maxHeaderBytes + " bytes; nothing was queued, and the connection is closed"), true));
            return;
        }
        State was = state;
        state = State.HEADER;
        if (was == State.SKIP_TRAILER) {
            return;
        }
        trailerFollows = false;
        Trailer trailer;
        try {
            trailer = new Trailer(ChecksumTrailer.parse(line, 0, lineLength(line)).sha256(), null);
        } catch (ProtocolException e) {
            trailer = new Trailer(null, e);
        }
        out.add(new BodyEnd(trailer));
    }

    /**
     * The next whole line, its {@code \n} consumed but not included; null while it is incomplete;
     * {@link #OVER_LONG} (its bytes dropped) when no newline came within the limit.
     */
    private byte[] takeLine(ByteBuf in) {
        int readable = in.readableBytes();
        if (lineStarted == 0 && readable > 0) {
            lineStarted = System.nanoTime();
        }
        int window = Math.min(readable, maxHeaderBytes);
        int lf = in.indexOf(in.readerIndex() + scanned, in.readerIndex() + window, (byte) '\n');
        if (lf < 0) {
            if (readable >= maxHeaderBytes) {
                scanned = 0;
                in.skipBytes(readable);
                return OVER_LONG;
            }
            scanned = readable;    // search only the new bytes next time
            return null;
        }
        scanned = 0;
        byte[] line = new byte[lf - in.readerIndex()];
        in.readBytes(line);
        in.skipBytes(1);
        return line;
    }

    /** The line's length without a trailing {@code \r}. */
    private static int lineLength(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    }

    private void startBody(long size, State bodyState, List<Object> out) {
        remaining = size;
        state = bodyState;
        if (size == 0) {
            bodyDone(out);
        }
    }

    private void bodyRead(int n, List<Object> out) {
        remaining -= n;
        if (remaining == 0) {
            bodyDone(out);
        }
    }

    /** After the last document byte: the trailer line, if one follows, else the end of the submit. */
    private void bodyDone(List<Object> out) {
        if (state == State.SKIP_BODY) {
            state = skipTrailer ? State.SKIP_TRAILER : State.HEADER;
            skipTrailer = false;
        } else if (trailerFollows) {
            state = State.TRAILER;
        } else {
            state = State.HEADER;
            out.add(BodyEnd.WITHOUT_TRAILER);
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
     * nothing follows; {@link #UNKNOWN} when it is a submit without a usable size. Notes in
     * {@link #skipTrailer} whether a checksum trailer follows the document too.
     *
     * <p>A line that is not even valid JSON (a duplicate key, a stray comma, bad UTF-8, deep
     * nesting) but mentions "submit" is {@link #UNREADABLE_SUBMIT}: treating the document that
     * may follow as request lines would run whatever requests the document happens to contain.
     */
    private long submitSize(byte[] line, int length) {
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
        skipTrailer = Request.Submit.SHA256_TRAILER.equals(tree.path("sha256").asText(null));
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
