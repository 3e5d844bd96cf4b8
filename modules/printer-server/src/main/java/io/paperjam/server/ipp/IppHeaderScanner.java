package io.paperjam.server.ipp;

import io.netty.buffer.ByteBuf;

/**
 * Finds where an IPP request's attributes end (RFC 8010 section 3.1.1) in bytes that arrive in
 * pieces, so the document that follows can be streamed instead of buffered.
 *
 * <pre>
 * version(2) operation-id(2) request-id(4)
 * { group-tag(1) { value-tag(1) name-length(2) name value-length(2) value }* }*
 * end-of-attributes-tag(1)  then the document, if any
 * </pre>
 *
 * It only walks the structure (lengths are unsigned, so a lying length cannot make it read backwards);
 * jipp decodes the values once the end is known.
 */
final class IppHeaderScanner {

    private static final int PREAMBLE = 8;
    private static final int END_OF_ATTRIBUTES = 0x03;
    private static final int MAX_DELIMITER = 0x0F;
    private static final int EXTENSION = 0x7F;

    /** Where the next unscanned element starts; everything before it is well formed. */
    private int position = PREAMBLE;
    private boolean inGroup;

    /**
     * Scans {@code header} (from its reader index) for the end of the attributes.
     *
     * @return the number of header bytes including the end tag, or -1 if more bytes are needed
     * @throws IppException client-error-bad-request when the structure is broken
     */
    int scan(ByteBuf header) throws IppException {
        int base = header.readerIndex();
        int limit = header.writerIndex() - base;
        while (position < limit) {
            int tag = header.getUnsignedByte(base + position);
            if (tag == END_OF_ATTRIBUTES) {
                return position + 1;
            }
            if (tag <= MAX_DELIMITER) {
                if (tag == 0x00) {
                    throw IppException.badRequest("reserved delimiter tag 0x00 in the attributes");
                }
                inGroup = true;
                position++;
                continue;
            }
            if (!inGroup) {
                throw IppException.badRequest("an attribute comes before any attribute group");
            }
            int next = attributeEnd(header, base, limit, tag);
            if (next < 0) {
                return -1;
            }
            position = next;
        }
        return -1;
    }

    /** The offset after the attribute value starting at {@link #position}, or -1 if incomplete. */
    private int attributeEnd(ByteBuf header, int base, int limit, int tag) {
        int at = position + 1;
        if (tag == EXTENSION) {
            at += 4;
        }
        if (at + 2 > limit) {
            return -1;
        }
        int nameLength = header.getUnsignedShort(base + at);
        at += 2 + nameLength;
        if (at + 2 > limit) {
            return -1;
        }
        int valueLength = header.getUnsignedShort(base + at);
        at += 2 + valueLength;
        return at > limit ? -1 : at;
    }
}
