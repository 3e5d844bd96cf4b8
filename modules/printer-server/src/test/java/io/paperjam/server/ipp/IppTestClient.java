package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A small IPP client over Java's HTTP client and jipp's encoding, as a test's stand-in for a print dialog. */
final class IppTestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI printer;
    private int requestId = 1;
    private String authorization;

    IppTestClient(URI printer) {
        this.printer = printer;
    }

    /** Sends the admin token as the HTTP Basic password from now on. */
    IppTestClient withPassword(String password) {
        authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    URI printer() {
        return printer;
    }

    /** A request with the operation attributes every request starts with, then {@code more}. */
    IppPacket request(int operation, String user, List<Attribute<?>> more, List<Attribute<?>> job) {
        List<Attribute<?>> op = new ArrayList<>();
        op.add(IppAttrs.charset("attributes-charset", "utf-8"));
        op.add(IppAttrs.language("attributes-natural-language", "en"));
        op.add(IppAttrs.uri("printer-uri", printer));
        op.add(IppAttrs.name("requesting-user-name", user));
        op.addAll(more);
        List<AttributeGroup> groups = new ArrayList<>();
        groups.add(AttributeGroup.groupOf(Tag.operationAttributes, op));
        if (!job.isEmpty()) {
            groups.add(AttributeGroup.groupOf(Tag.jobAttributes, job));
        }
        return new IppPacket(0x0200, operation, requestId++, groups);
    }

    IppPacket send(IppPacket request) throws IOException, InterruptedException {
        return send(encode(request), () -> InputStream.nullInputStream(), true);
    }

    IppPacket send(IppPacket request, byte[] document) throws IOException, InterruptedException {
        return send(encode(request), () -> new ByteArrayInputStream(document), true);
    }

    /** Sends raw IPP bytes then the document; {@code sized} false sends the body chunked. */
    IppPacket send(byte[] ipp, Supplier<InputStream> document, boolean sized) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(ipp, document, sized);
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + new String(response.body()));
        }
        return new IppInputStream(new ByteArrayInputStream(response.body())).readPacket();
    }

    HttpResponse<byte[]> post(byte[] ipp, Supplier<InputStream> document, boolean sized)
            throws IOException, InterruptedException {
        Supplier<InputStream> body = () -> new SequenceInputStream(new ByteArrayInputStream(ipp), document.get());
        HttpRequest.BodyPublisher publisher = sized
                ? HttpRequest.BodyPublishers.ofByteArray(readAll(body.get()))
                : HttpRequest.BodyPublishers.ofInputStream(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + printer.getPort()
                + "/ipp/print")).timeout(TIMEOUT).header("Content-Type", "application/ipp").POST(publisher);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + printer.getPort() + path))
                .timeout(TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] encode(IppPacket packet) {
        return IppResponses.encode(packet);
    }

    /** The first value of an attribute in the first group of {@code tag}, as text. */
    static String value(IppPacket packet, com.hp.jipp.encoding.DelimiterTag tag, String name) {
        AttributeGroup group = packet.get(tag);
        if (group == null || group.get(name) == null) {
            return null;
        }
        return String.valueOf(group.get(name).get(0));
    }

    /** An integer or enum attribute's first value as a number, or -1 if absent. */
    static int number(IppPacket packet, com.hp.jipp.encoding.DelimiterTag tag, String name) {
        AttributeGroup group = packet.get(tag);
        if (group == null || group.get(name) == null || group.get(name).isEmpty()) {
            return -1;
        }
        Object v = group.get(name).get(0);
        return v instanceof com.hp.jipp.encoding.Enum e ? e.getCode() : (Integer) v;
    }

    static List<String> strings(IppPacket packet, com.hp.jipp.encoding.DelimiterTag tag, String name) {
        AttributeGroup group = packet.get(tag);
        return group == null || group.get(name) == null ? List.of() : group.get(name).strings();
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
