package io.paperjam.server.e2e;

import io.paperjam.server.PrinterServer;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Servers for tests: any free loopback port, an instant printer, the given spool folder. */
final class TestServers {

    private TestServers() {
    }

    static ServerSettings settings(Path spool) {
        PrinterSettings printer = PrinterSettings.defaults().withPacer(Pacer.instant())
                .withDevice(DeviceSettings.defaults().withPpm(0));
        return ServerSettings.defaults().withSpoolDir(spool).withPort(0).withPrinter(printer);
    }

    static PrinterServer start(Path spool) throws IOException {
        return PrinterServer.start(settings(spool));
    }

    static PrinterServer start(Path spool, UnaryOperator<ServerSettings> change) throws IOException {
        return PrinterServer.start(change.apply(settings(spool)));
    }

    static PrinterSettings printer(ServerSettings settings, UnaryOperator<PrinterSettings> change) {
        return change.apply(settings.printer());
    }

    /** A plain-text document of {@code n} pages, one form feed between pages. */
    static byte[] textPages(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append("page ").append(i).append('\n');
            if (i < n) {
                text.append('\f');
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
