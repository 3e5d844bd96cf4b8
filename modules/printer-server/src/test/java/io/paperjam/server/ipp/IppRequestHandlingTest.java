package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import io.paperjam.spool.JobRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client gets for good and bad requests over a real socket: the right IPP status, never a
 * crash or a half-stored job; documents stream in whole, chunked or sized, and limits hold.
 */
class IppRequestHandlingTest {

    private static final int PRINT_JOB = 0x0002;
    private static final int GET_JOB_ATTRIBUTES = 0x0009;
    private static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    private static final int PAUSE_PRINTER = 0x0010;
    private static final int RESUME_PRINTER = 0x0011;
    private static final int PRINT_URI = 0x0003;
    private static final long MAX_DOCUMENT = 64 * 1024;

    @TempDir
    Path dir;
    private IppTestPrinter printer;
    private IppTestClient client;

    @BeforeEach
    void start() throws Exception {
        printer = IppTestPrinter.start(dir, io.paperjam.server.core.PrinterSettings.defaults(),
                IppSettings.defaults().withMaxDocumentBytes(MAX_DOCUMENT).withMaxAttributeBytes(4096));
        client = new IppTestClient(printer.uri());
    }

    @AfterEach
    void stop() throws Exception {
        printer.close();
    }

    @Test
    void unsupportedOperationIsRefusedByName() throws Exception {
        IppPacket response = client.send(client.request(PRINT_URI, "bob", List.of(), List.of()));
        assertEquals(0x0501, response.getCode());
    }

    @Test
    void unsupportedDocumentFormatQueuesNothing() throws Exception {
        IppPacket response = client.send(client.request(PRINT_JOB, "bob",
                List.of(IppAttrs.mimeType("document-format", "image/x-unknown")), List.of()), new byte[100]);
        assertEquals(0x040A, response.getCode());
        assertEquals(List.of("image/x-unknown"),
                IppTestClient.strings(response, Tag.unsupportedAttributes, "document-format"));
        assertTrue(printer.spool.jobs().isEmpty());
    }

    @Test
    void unknownJobIsNotFound() throws Exception {
        IppPacket response = client.send(client.request(GET_JOB_ATTRIBUTES, "bob",
                List.of(IppAttrs.integer("job-id", 4242)), List.of()));
        assertEquals(0x0406, response.getCode());
    }

    @Test
    void garbageAndTruncatedBodiesAreBadRequests() throws Exception {
        byte[] valid = IppTestClient.encode(client.request(GET_PRINTER_ATTRIBUTES, "bob", List.of(), List.of()));
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 5);
        assertEquals(0x0400, client.send(truncated, InputStream::nullInputStream, true).getCode());
        byte[] garbage = "GET / HTTP/1.0 but inside an IPP body, which is nonsense".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> response = client.post(garbage, InputStream::nullInputStream, true);
        assertEquals(200, response.statusCode());
        // the same connection pool keeps working afterwards
        assertEquals(0, client.send(client.request(GET_PRINTER_ATTRIBUTES, "bob", List.of(), List.of())).getCode());
    }

    @Test
    void attributesOverTheLimitAreRefused() throws Exception {
        IppPacket huge = client.request(GET_PRINTER_ATTRIBUTES, "bob",
                List.of(IppAttrs.text("job-name", "x".repeat(5000))), List.of());
        assertEquals(0x0408, client.send(huge).getCode());
    }

    @Test
    void chunkedDocumentStreamsIntoTheSpoolIntact() throws Exception {
        byte[] document = pdfOfSize(48 * 1024);
        Supplier<InputStream> body = () -> new ByteArrayInputStream(document);
        byte[] ipp = IppTestClient.encode(client.request(PRINT_JOB, "carol", List.of(
                IppAttrs.name("job-name", "big.pdf"), IppAttrs.mimeType("document-format", "application/pdf")),
                List.of()));
        IppPacket response = client.send(ipp, body, false);
        assertEquals(0, response.getCode(), response.toString());
        long id = IppTestClient.number(response, Tag.jobAttributes, "job-id");
        JobRecord stored = printer.spool.find(id).orElseThrow();
        assertEquals(document.length, stored.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)), stored.sha256());
        assertEquals("carol", stored.header().user());
        assertEquals("application/pdf", stored.header().format());
    }

    @Test
    void documentOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
        byte[] document = pdfOfSize((int) MAX_DOCUMENT + 10_000);
        byte[] ipp = IppTestClient.encode(client.request(PRINT_JOB, "carol", List.of(), List.of()));
        IppPacket response = client.send(ipp, () -> new ByteArrayInputStream(document), true);
        assertEquals(0x0408, response.getCode());
        assertTrue(printer.spool.jobs().isEmpty());
        assertEquals(0, printer.spool.usage().jobs(), "the upload's quota must be released");
    }

    @Test
    void printerUriReflectsTheHostTheClientUsed() throws Exception {
        IppPacket response = client.send(client.request(GET_PRINTER_ATTRIBUTES, "bob",
                List.of(IppAttrs.keyword("requested-attributes", "printer-uri-supported")), List.of()));
        assertEquals(List.of("ipp://127.0.0.1:" + printer.server.port() + "/ipp/print"),
                IppTestClient.strings(response, Tag.printerAttributes, "printer-uri-supported"));
        assertEquals(1, response.get(Tag.printerAttributes).size(), "only what was asked for");
    }

    @Test
    void pauseAndResumeShowInPrinterStateReasons() throws Exception {
        assertEquals(0, client.send(client.request(PAUSE_PRINTER, "admin", List.of(), List.of())).getCode());
        assertTrue(reasons().contains("paused"), reasons().toString());
        assertEquals(0, client.send(client.request(RESUME_PRINTER, "admin", List.of(), List.of())).getCode());
        assertEquals(List.of("none"), reasons());
    }

    @Test
    void statusPageShowsTheDevice() throws Exception {
        HttpResponse<String> page = client.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("idle") && page.body().contains("/ipp/print"), page.body());
        assertEquals(404, client.get("/somewhere-else").statusCode());
    }

    private List<String> reasons() throws Exception {
        IppPacket response = client.send(client.request(GET_PRINTER_ATTRIBUTES, "bob",
                List.of(IppAttrs.keyword("requested-attributes", "printer-state-reasons")), List.of()));
        return IppTestClient.strings(response, Tag.printerAttributes, "printer-state-reasons");
    }

    /** A one-page PDF padded with a comment to {@code size} bytes. */
    private byte[] pdfOfSize(int size) throws Exception {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/ipp/testfile.pdf")) {
            pdf = in.readAllBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(pdf);
        out.put((byte) '%');
        while (out.hasRemaining()) {
            out.put((byte) (out.position() % 64 == 0 ? '\n' : 'a'));
        }
        return out.array();
    }
}
