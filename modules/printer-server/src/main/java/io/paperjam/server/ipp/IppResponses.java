package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builds and encodes IPP responses: the operation group every response starts with, then the rest. */
final class IppResponses {

    /** The version we answer with when the client's is one we do not speak. */
    private static final int FALLBACK_VERSION = 0x0101;

    private IppResponses() {
    }

    static IppPacket ok(IppRequest request, List<AttributeGroup> groups) {
        return of(request.version(), request.requestId(), Status.successfulOk, null, groups);
    }

    static IppPacket error(int version, int requestId, IppException e) {
        List<AttributeGroup> groups = e.unsupported().isEmpty() ? List.of()
                : List.of(AttributeGroup.groupOf(Tag.unsupportedAttributes, e.unsupported()));
        return of(version, requestId, e.status(), e.getMessage(), groups);
    }

    static IppPacket of(int version, int requestId, Status status, String message, List<AttributeGroup> groups) {
        List<Attribute<?>> operation = new ArrayList<>();
        operation.add(IppAttrs.charset("attributes-charset", "utf-8"));
        operation.add(IppAttrs.language("attributes-natural-language", "en"));
        if (message != null) {
            operation.add(IppAttrs.text("status-message", truncate(message)));
        }
        List<AttributeGroup> all = new ArrayList<>();
        all.add(AttributeGroup.groupOf(Tag.operationAttributes, operation));
        all.addAll(groups);
        int major = version >> 8;
        int answered = major == 1 || major == 2 ? version : FALLBACK_VERSION;
        return new IppPacket(answered, status.getCode(), requestId, all);
    }

    static byte[] encode(IppPacket packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            packet.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** status-message is text(255). */
    private static String truncate(String message) {
        return message.length() <= 255 ? message : message.substring(0, 252) + "...";
    }
}
