package io.paperjam.server.door;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.server.core.Printer;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A real spool under a test folder and an instant printer on it, for door tests. */
public final class DoorFixture implements AutoCloseable {

    /** How long a test waits for the printer to reach a state before it fails. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final Spool spool;
    public final Printer printer;

    private DoorFixture(Spool spool, Printer printer) {
        this.spool = spool;
        this.printer = printer;
    }

    public static DoorFixture open(Path dir) throws IOException {
        return open(dir, SpoolSettings.defaults());
    }

    public static DoorFixture open(Path dir, SpoolSettings spoolSettings) throws IOException {
        Spool spool = Spool.open(dir.resolve("spool"), spoolSettings);
        PrinterSettings settings = PrinterSettings.defaults().withPacer(Pacer.instant())
                .withDevice(DeviceSettings.defaults().withPpm(0));
        return new DoorFixture(spool, Printer.start(spool, settings));
    }

    /** Polls until a job matches (every 10 ms, at most {@link #WAIT}); fails the test otherwise. */
    public JobInfo awaitJob(Predicate<JobInfo> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobInfo> found = allJobs().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no job became " + what + " within " + WAIT + "; jobs: " + allJobs());
    }

    public JobInfo awaitState(long id, JobStatus state) throws InterruptedException {
        return awaitJob(j -> j.id() == id && j.state() == state, "job " + id + " " + state.wire());
    }

    /** Every job the printer knows, finished ones included. */
    public List<JobInfo> allJobs() {
        return printer.jobs(List.of(JobStatus.values()), 10_000);
    }

    /** A plain-text document of {@code n} pages, a form feed between pages. */
    public static byte[] textPages(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append("page ").append(i).append(" of ").append(n).append('\n');
            if (i < n) {
                text.append('\f');
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        printer.close();
        spool.close();
    }
}
