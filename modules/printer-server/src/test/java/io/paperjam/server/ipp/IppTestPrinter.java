package io.paperjam.server.ipp;

import io.paperjam.server.core.Printer;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** A real spool, printer and IPP door on a free loopback port, for one test. */
final class IppTestPrinter implements AutoCloseable {

    final Spool spool;
    final Printer printer;
    final IppServer server;

    private IppTestPrinter(Spool spool, Printer printer, IppServer server) {
        this.spool = spool;
        this.printer = printer;
        this.server = server;
    }

    /** An instant (ppm 0) printer. */
    static IppTestPrinter start(Path dir) throws IOException {
        return start(dir, PrinterSettings.defaults(), IppSettings.defaults());
    }

    static IppTestPrinter start(Path dir, PrinterSettings printerSettings, IppSettings ippSettings)
            throws IOException {
        Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults());
        Printer printer = Printer.start(spool, printerSettings
                .withDevice(printerSettings.device().withPpm(0)).withPacer(Pacer.instant()));
        try {
            IppServer server = IppServer.start(ippSettings.withHost("127.0.0.1").withPort(0), printer, spool);
            return new IppTestPrinter(spool, printer, server);
        } catch (IOException | RuntimeException e) {
            printer.close();
            spool.close();
            throw e;
        }
    }

    URI uri() {
        return URI.create("ipp://127.0.0.1:" + server.port() + "/ipp/print");
    }

    static DeviceSettings device() {
        return DeviceSettings.defaults();
    }

    @Override
    public void close() throws IOException {
        server.close();
        printer.close();
        spool.close();
    }
}
