package io.paperjam.server.ipp;

import com.hp.jipp.model.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;

/**
 * Gathers an IPP request's attribute bytes as the HTTP body arrives in pieces, until
 * {@link IppHeaderScanner} finds where they end, so the document after them can stream. Holds the
 * bytes until {@link #take} or {@link #release}. Used on the channel's event loop.
 */
final class IppAttributeBuffer {

    /** The complete attributes, and the bytes that came after them in the same pieces (the caller releases them). */
    record Attributes(byte[] header, ByteBuf rest) {

        /** The version-number the client sent, for a refusal of attributes that do not decode. */
        int version() {
            return header.length >= 2 ? ((header[0] & 0xFF) << 8) | (header[1] & 0xFF) : 0x0101;
        }

        /** The request-id the client sent, for a refusal of attributes that do not decode. */
        int requestId() {
            return header.length >= 8 ? ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16)
                    | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF) : 0;
        }
    }

    private final CompositeByteBuf bytes;
    private final IppHeaderScanner scanner = new IppHeaderScanner();
    private final int maxBytes;

    IppAttributeBuffer(ByteBufAllocator alloc, int maxBytes) {
        this.bytes = alloc.compositeBuffer();
        this.maxBytes = maxBytes;
    }

    /**
     * Adds the next piece of body (retaining it) and scans on.
     *
     * @return the attributes' length including the end tag, or -1 while more bytes are needed
     * @throws IppException client-error-bad-request when their structure is broken
     */
    int add(ByteBuf piece) throws IppException {
        bytes.addComponent(true, piece.retain());
        return scanner.scan(bytes);
    }

    /** True when the attributes (of length {@code end}, or -1 while unfinished) are longer than allowed. */
    boolean overLimit(int end) {
        int seen = end < 0 ? bytes.readableBytes() : end;
        return seen > maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** The refusal for attributes that are {@link #overLimit}. */
    IppException tooLong() {
        return new IppException(Status.clientErrorRequestEntityTooLarge, "the IPP attributes are longer than "
                + maxBytes + " bytes");
    }

    /** The request-id once its bytes have arrived, else 0: what an early refusal answers with. */
    int requestId() {
        return bytes.readableBytes() >= 8 ? bytes.getInt(bytes.readerIndex() + 4) : 0;
    }

    /** Hands over the {@code end} bytes of attributes and what followed them, and frees this buffer. */
    Attributes take(int end) {
        byte[] header = ByteBufUtil.getBytes(bytes, bytes.readerIndex(), end);
        ByteBuf rest = bytes.retainedSlice(bytes.readerIndex() + end, bytes.readableBytes() - end);
        release();
        return new Attributes(header, rest);
    }

    void release() {
        bytes.release();
    }
}
