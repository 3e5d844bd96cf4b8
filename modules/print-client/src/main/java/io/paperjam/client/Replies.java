package io.paperjam.client;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a reply line into a {@link Reply}, and a failed reply into a {@link PrinterException}. */
final class Replies {

    private Replies() {
    }

    /** The successful reply the line holds; throws the printer's error when it holds a failure. */
    static Reply expectOk(byte[] line) throws PrintClientException {
        Reply reply = parse(line);
        if (!reply.ok()) {
            throw failure(reply);
        }
        return reply;
    }

    static Reply parse(byte[] line) throws PrintClientException {
        try {
            return Json.read(line, Reply.class);
        } catch (IOException e) {
            throw new PrintClientException("the printer sent a line that is not a reply: "
                    + Text.printable(new String(line, StandardCharsets.UTF_8), 120), e);
        }
    }

    static PrinterException failure(Reply reply) {
        ErrorCode code = reply.errorCode() == null ? ErrorCode.INTERNAL : reply.errorCode();
        return new PrinterException(code, reply.message(), reply.printer());
    }
}
