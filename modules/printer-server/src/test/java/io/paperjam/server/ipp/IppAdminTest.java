package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperjam.protocol.PrinterState;
import io.paperjam.server.core.PrinterSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause-Printer is an admin operation: without trust in loopback, only the token as Basic password may. */
class IppAdminTest {

    private static final int PAUSE_PRINTER = 0x0010;
    private static final int NOT_AUTHORIZED = 0x0403;

    @TempDir
    Path dir;

    @Test
    void pauseNeedsTheTokenWhenLoopbackIsNotTrusted() throws Exception {
        IppSettings settings = IppSettings.defaults().withTrustLoopback(false).withAdminToken("s3cret");
        try (IppTestPrinter p = IppTestPrinter.start(dir, PrinterSettings.defaults(), settings)) {
            IppTestClient anonymous = new IppTestClient(p.uri());
            assertEquals(NOT_AUTHORIZED, anonymous.send(anonymous.request(PAUSE_PRINTER, "mallory", List.of(),
                    List.of())).getCode());
            assertEquals(PrinterState.IDLE, p.printer.status().state());

            IppTestClient wrong = new IppTestClient(p.uri()).withPassword("guess");
            assertEquals(NOT_AUTHORIZED, wrong.send(wrong.request(PAUSE_PRINTER, "mallory", List.of(),
                    List.of())).getCode());

            IppTestClient admin = new IppTestClient(p.uri()).withPassword("s3cret");
            assertEquals(0, admin.send(admin.request(PAUSE_PRINTER, "admin", List.of(), List.of())).getCode());
            assertEquals(PrinterState.STOPPED, p.printer.status().state());
        }
    }
}
