package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.DelimiterTag;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

/**
 * One decoded IPP request (its attributes; the document, if any, streams separately) and the
 * connection it came on.
 */
record IppRequest(IppPacket packet, Peer peer) {

    /** Who sent the request and how they addressed us. */
    record Peer(String authority, boolean loopback, String password) {
    }

    static final String ANONYMOUS = "anonymous";

    /** Decodes the attribute bytes found by {@link IppHeaderScanner}; any decoding failure is a bad request. */
    static IppRequest decode(byte[] header, Peer peer) throws IppException {
        try {
            IppPacket packet = new IppInputStream(new ByteArrayInputStream(header)).readPacket();
            return new IppRequest(packet, peer);
        } catch (Exception e) {
            // jipp throws its own ParseError, IOExceptions and index errors on malformed values
            throw IppException.badRequest("the IPP attributes cannot be decoded: " + e.getMessage());
        }
    }

    int version() {
        return packet.getVersionNumber();
    }

    int operation() {
        return packet.getCode();
    }

    int requestId() {
        return packet.getRequestId();
    }

    List<AttributeGroup> groups() {
        return packet.getAttributeGroups();
    }

    /** The first group of {@code tag}, if the request has one. */
    Optional<AttributeGroup> group(DelimiterTag tag) {
        return groups().stream().filter(g -> g.getTag().equals(tag)).findFirst();
    }

    Optional<Attribute<?>> attribute(String name) {
        return group(Tag.operationAttributes).map(g -> g.get(name));
    }

    /** Job template attribute (job-attributes group), if sent. */
    Optional<Attribute<?>> jobAttribute(String name) {
        return group(Tag.jobAttributes).map(g -> g.get(name));
    }

    Optional<String> string(String name) {
        return attribute(name).filter(a -> !a.isEmpty()).map(a -> a.strings().get(0));
    }

    List<String> strings(String name) {
        return attribute(name).map(Attribute::strings).orElse(List.of());
    }

    Optional<Integer> integer(String name) throws IppException {
        Optional<Attribute<?>> attr = attribute(name);
        if (attr.isEmpty() || attr.get().isEmpty()) {
            return Optional.empty();
        }
        if (attr.get().get(0) instanceof Integer value) {
            return Optional.of(value);
        }
        throw IppException.badRequest(name + " must be an integer");
    }

    Optional<Boolean> bool(String name) throws IppException {
        Optional<Attribute<?>> attr = attribute(name);
        if (attr.isEmpty() || attr.get().isEmpty()) {
            return Optional.empty();
        }
        if (attr.get().get(0) instanceof Boolean value) {
            return Optional.of(value);
        }
        throw IppException.badRequest(name + " must be a boolean");
    }

    /** requesting-user-name, or "anonymous" when the client did not say. */
    String user() {
        return string("requesting-user-name").filter(s -> !s.isBlank()).orElse(ANONYMOUS);
    }
}
