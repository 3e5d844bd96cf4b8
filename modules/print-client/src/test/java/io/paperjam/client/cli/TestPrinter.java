package io.paperjam.client.cli;

import io.paperjam.server.PrinterServer;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import java.io.IOException;
import java.nio.file.Path;

/** A real printer server on a free loopback port with a spool under a test's temporary folder, printing instantly. */
final class TestPrinter implements AutoCloseable {

    final PrinterServer server;

    private TestPrinter(PrinterServer server) {
        this.server = server;
    }

    static TestPrinter start(Path spool, int trayCapacity) throws IOException {
        return start(spool, trayCapacity, true);
    }

    /** With {@code trustLoopback} false, admin ops from this machine need the token too. */
    static TestPrinter start(Path spool, int trayCapacity, boolean trustLoopback) throws IOException {
        return start(spool, trayCapacity, trustLoopback, 0);
    }

    /** On {@code port} (0: any free one), e.g. the port of a printer that was just closed, as after a restart. */
    static TestPrinter start(Path spool, int trayCapacity, boolean trustLoopback, int port) throws IOException {
        DeviceSettings device = DeviceSettings.defaults().withTrayCapacity(trayCapacity)
                .withLowPaperSheets(Math.min(1, trayCapacity)).withPpm(0);
        ServerSettings settings = ServerSettings.defaults().withSpoolDir(spool).withPort(port)
                .withPrinter(PrinterSettings.defaults().withDevice(device).withPacer(Pacer.instant()))
                .withTrustLoopback(trustLoopback);
        return new TestPrinter(PrinterServer.start(settings));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
