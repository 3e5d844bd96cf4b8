package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pure parts of the IPP door: attribute scanning, reason keywords, URIs and admin checks. */
class IppUnitsTest {

    private static byte[] request() {
        return IppResponses.encode(new IppPacket(0x0200, 0x000B, 7, AttributeGroup.groupOf(Tag.operationAttributes,
                IppAttrs.charset("attributes-charset", "utf-8"),
                IppAttrs.language("attributes-natural-language", "en"),
                IppAttrs.uri("printer-uri", java.net.URI.create("ipp://localhost/ipp/print")))));
    }

    @Test
    void scannerFindsTheEndWhateverTheSplit() throws Exception {
        byte[] ipp = request();
        byte[] withDocument = new byte[ipp.length + 3];
        System.arraycopy(ipp, 0, withDocument, 0, ipp.length);
        for (int split = 0; split <= withDocument.length; split++) {
            IppHeaderScanner scanner = new IppHeaderScanner();
            ByteBuf buf = Unpooled.buffer();
            buf.writeBytes(withDocument, 0, split);
            int end = scanner.scan(buf);
            if (end < 0) {
                buf.writeBytes(withDocument, split, withDocument.length - split);
                end = scanner.scan(buf);
            }
            assertEquals(ipp.length, end, "split at " + split);
            buf.release();
        }
    }

    @Test
    void scannerRefusesAnAttributeOutsideAGroup() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {2, 0, 0, 11, 0, 0, 0, 1, 0x47, 0, 1, 'a', 0, 0, 3});
        assertThrows(IppException.class, () -> new IppHeaderScanner().scan(buf));
    }

    @Test
    void faultsBecomeIppKeywordsWithSeverity() {
        PrinterInfo info = new PrinterInfo(PrinterState.STOPPED,
                List.of("paper-out", "no-ink", "paper-jam", "cover-open", "offline", "paused", "low-ink"),
                "the paper tray is empty", null, 0, null);
        assertEquals(List.of("media-empty-error", "media-needed-error", "marker-supply-empty-error",
                "media-jam-error", "door-open-error", "cover-open-error", "offline-report", "paused",
                "marker-supply-low-warning"), IppStates.printerReasons(info));
        assertEquals(List.of("none"), IppStates.printerReasons(
                new PrinterInfo(PrinterState.IDLE, List.of(), null, null, 0, null)));
        assertEquals(5, IppStates.printerState(PrinterState.STOPPED));
    }

    @Test
    void jobUrisRoundTripAndForeignPathsAreNotFound() throws Exception {
        assertEquals(42, IppUris.jobId(IppUris.job("localhost:6631", 42).toString()));
        assertThrows(IppException.class, () -> IppUris.jobId("ipp://localhost:6631/other/42"));
        assertTrue(IppUris.isPrinterUri("ipp://h/"));
        assertFalse(IppUris.isPrinterUri("ipp://h/printers/x"));
        assertFalse(IppUris.isSafeAuthority("evil.example/<script>"));
        assertTrue(IppUris.isSafeAuthority("[::1]:6631"));
    }

    @Test
    void onlyLoopbackOrTheTokenIsAdmin() {
        String header = "Basic " + Base64.getEncoder().encodeToString("anyone:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals("s3cret", BasicAuth.password(header));
        assertNull(BasicAuth.password("Bearer s3cret"));
        assertTrue(IppAdmin.isAdmin(new IppRequest.Peer("h", true, null), null, true));
        assertTrue(IppAdmin.isAdmin(new IppRequest.Peer("h", false, "s3cret"), "s3cret", true));
        assertFalse(IppAdmin.isAdmin(new IppRequest.Peer("h", false, "guess"), "s3cret", true));
        assertFalse(IppAdmin.isAdmin(new IppRequest.Peer("h", false, null), null, true));
    }

    @Test
    void validatorRefusesRequestsInTheConformanceSuiteOrder() throws Exception {
        IppRequest.Peer peer = new IppRequest.Peer("localhost", true, null);
        byte[] good = request();
        IppRequestValidator.check(IppRequest.decode(good, peer));

        byte[] version0 = good.clone();
        version0[0] = 0;
        assertEquals(0x0503, status(version0, peer));
        byte[] unknownOp = good.clone();
        unknownOp[3] = 0x7F;
        assertEquals(0x0501, status(unknownOp, peer));
        byte[] zeroId = good.clone();
        zeroId[7] = 0;
        assertEquals(0x0400, status(zeroId, peer));
    }

    private static int status(byte[] bytes, IppRequest.Peer peer) {
        try {
            IppRequestValidator.check(IppRequest.decode(bytes, peer));
            return 0;
        } catch (IppException e) {
            return e.status().getCode();
        }
    }
}
