package io.paperjam.server.net;

/**
 * Marks the end of a submit's document: every one of its {@code size} bytes has been passed on, and, when the
 * submit announced a checksum trailer, that line has been read too.
 *
 * @param trailer what the checksum trailer said, or null when the submit announced none
 */
record BodyEnd(RequestDecoder.Trailer trailer) {

    /** The end of a document whose submit announced no checksum trailer. */
    static final BodyEnd WITHOUT_TRAILER = new BodyEnd(null);
}
