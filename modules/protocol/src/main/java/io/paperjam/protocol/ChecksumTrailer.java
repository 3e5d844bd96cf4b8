package io.paperjam.protocol;

/**
 * The line that follows a document whose submit said {@code "sha256": "trailer"}:
 * {@code {"sha256":"<64 hex>"}\n}, right after the {@code size} document bytes. It lets a client
 * hash the document while sending it, in one read of the file, instead of reading it once to put
 * the digest in the request line and again to send it.
 *
 * <p>The line obeys the request-line rules ({@code \r\n} tolerated, at most the header limit,
 * whole within the idle timeout); it must hold exactly the one field.
 *
 * @param sha256 the document's SHA-256, 64 lower-case hex digits
 */
public record ChecksumTrailer(String sha256) {

    /** Parses one trailer line ({@code len} bytes, newline already stripped). */
    public static ChecksumTrailer parse(byte[] line, int off, int len) throws ProtocolException {
        Fields fields = new Fields(RequestParser.object(line, off, len, "checksum trailer"));
        String text;
        try {
            text = fields.text("sha256", true);
            fields.rejectUnknown();
        } catch (ProtocolException e) {
            throw Fields.bad("checksum trailer: " + e.getMessage());
        }
        try {
            return new ChecksumTrailer(RequestParser.sha256Digest(text, "sha256"));
        } catch (ProtocolException e) {
            throw Fields.bad("checksum trailer: 'sha256' must be 64 hexadecimal digits");
        }
    }

    /** The trailer line for {@code sha256}, newline included. */
    public byte[] line() {
        return Json.line(this);
    }
}
