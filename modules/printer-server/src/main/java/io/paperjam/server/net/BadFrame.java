package io.paperjam.server.net;

import io.paperjam.protocol.ProtocolException;

/**
 * A request line the decoder could not turn into a request.
 *
 * @param error the reply to send
 * @param fatal true when the stream cannot be followed any more (a line over the limit, or a
 *     submit whose size is unknown), so the connection is closed after the reply
 */
record BadFrame(ProtocolException error, boolean fatal) {
}
