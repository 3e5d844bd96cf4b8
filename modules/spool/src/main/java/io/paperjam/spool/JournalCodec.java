package io.paperjam.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Encodes one journaled job as a self-checking record and decodes records from a segment's bytes, telling an
 * intact record from a torn or corrupt one (see {@link Journal} for the layout).
 */
final class JournalCodec {

    /** Bytes before the checked body: length and CRC32C. */
    static final int PREFIX = 8;
    /** No record is larger: a length field above this is damage, not a record. */
    static final int MAX_BODY = 32 << 20;
    static final int SHA256_BYTES = 32;

    /** An intact record; {@code end} is the offset just past it in its segment. */
    record Entry(long id, byte[] control, byte[] document, byte[] sha256, long end) {
    }

    /** What is at an offset: an entry, the clean end of the segment, or damage (torn or corrupt). */
    record Read(Entry entry, String damage) {
        boolean atEnd() {
            return entry == null && damage == null;
        }
    }

    private JournalCodec() {
    }

    /**
     * True if the segment holds only zeros from {@code offset} on, at least a length and a CRC's worth: the
     * space a segment is created with (zero-filled ahead, see {@link Journal}), not yet appended to. Fewer
     * zero bytes than that are the start of a torn record, as in a segment that was not zero-filled.
     */
    static boolean unwritten(ByteBuffer segment, int offset) {
        if (segment.limit() - offset < PREFIX || segment.getLong(offset) != 0) {
            return false;
        }
        for (int i = offset + PREFIX; i < segment.limit(); i++) {
            if (segment.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static ByteBuffer encode(long id, byte[] control, byte[] document, byte[] sha256) {
        int body = 8 + 4 + control.length + 4 + document.length + SHA256_BYTES;
        ByteBuffer out = ByteBuffer.allocate(PREFIX + body);
        out.putInt(body).putInt(0).putLong(id).putInt(control.length).put(control)
                .putInt(document.length).put(document).put(sha256);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), PREFIX, body);
        out.putInt(4, (int) crc.getValue());
        return out.flip();
    }

    /** Reads the record starting at {@code offset} of a whole segment in {@code segment}. */
    static Read read(ByteBuffer segment, int offset) {
        int left = segment.limit() - offset;
        if (left == 0 || unwritten(segment, offset)) {
            return new Read(null, null);
        }
        if (left < PREFIX) {
            return new Read(null, "torn: " + left + " byte(s) where a record's length and CRC should be");
        }
        int body = segment.getInt(offset);
        int crcStored = segment.getInt(offset + 4);
        if (body < 8 + 4 + 4 + SHA256_BYTES || body > MAX_BODY) {
            return new Read(null, "corrupt: impossible record length " + body);
        }
        if (body > left - PREFIX) {
            return new Read(null, "torn: record of " + body + " bytes but only " + (left - PREFIX) + " written");
        }
        CRC32C crc = new CRC32C();
        crc.update(segment.duplicate().position(offset + PREFIX).limit(offset + PREFIX + body));
        if ((int) crc.getValue() != crcStored) {
            return new Read(null, "corrupt: CRC32C mismatch");
        }
        ByteBuffer in = segment.duplicate().position(offset + PREFIX).limit(offset + PREFIX + body);
        long id = in.getLong();
        int controlLength = in.getInt();
        if (controlLength < 0 || controlLength > in.remaining() - 4 - SHA256_BYTES) {
            return new Read(null, "corrupt: control length " + controlLength);
        }
        byte[] control = new byte[controlLength];
        in.get(control);
        int documentLength = in.getInt();
        if (documentLength != in.remaining() - SHA256_BYTES) {
            return new Read(null, "corrupt: document length " + documentLength);
        }
        byte[] document = new byte[documentLength];
        in.get(document);
        byte[] sha256 = new byte[SHA256_BYTES];
        in.get(sha256);
        return new Read(new Entry(id, control, document, sha256, (long) offset + PREFIX + body), null);
    }
}
