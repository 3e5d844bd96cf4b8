package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A printer on a real spool in a temporary folder, with every event it publishes recorded. */
final class PrinterHarness implements AutoCloseable {

    static final long WAIT_SECONDS = 10;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    final Path dir;
    final PrinterSettings settings;
    final List<Event> seen = new ArrayList<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Spool spool;
    Printer printer;

    private PrinterHarness(Path dir, PrinterSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        open();
    }

    /** Instant printing at ppm 0 on a 1000-sheet tray, no faults. */
    static PrinterSettings instant() {
        return PrinterSettings.defaults().withClock(CLOCK).withPacer(Pacer.instant())
                .withDevice(DeviceSettings.defaults().withPpm(0).withTrayCapacity(1000));
    }

    static PrinterHarness start(Path dir, PrinterSettings settings) throws IOException {
        return new PrinterHarness(dir, settings);
    }

    private void open() throws IOException {
        spool = Spool.open(dir, SpoolSettings.defaults().withClock(CLOCK));
        printer = Printer.start(spool, settings);
        printer.watch(events::add);
    }

    /** Closes printer and spool and opens both again, as a restart does. */
    void restart() throws IOException {
        close();
        open();
    }

    long submit(String name, Integer pages, int copies) throws IOException {
        return submit(name, ("document " + name + "\n").getBytes(StandardCharsets.UTF_8), pages, copies);
    }

    long submit(String name, byte[] document, Integer pages, int copies) throws IOException {
        JobHeader header = JobHeader.of(name).withCopies(copies).withPages(pages).withUser("ada");
        JobRecord record;
        try (JobUpload upload = spool.begin(header)) {
            upload.write(ByteBuffer.wrap(document));
            record = upload.commit();
        }
        printer.accepted(record);
        return record.id();
    }

    /** The next event (after those already taken) that matches; fails after WAIT_SECONDS. */
    Event await(String what, Predicate<Event> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            assertNotNull(e, "timed out waiting for " + what + "; saw " + seen.size() + " events, last "
                    + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
            seen.add(e);
            if (match.test(e)) {
                return e;
            }
        }
    }

    JobInfo awaitJob(long id, JobStatus state) throws InterruptedException {
        return await("job " + id + " " + state.wire(), e -> Event.TYPE_JOB_STATE.equals(e.event())
                && e.job().id() == id && e.job().state() == state).job();
    }

    /** Pages of the job as page events reported them, in order, among events seen so far. */
    List<Integer> pages(long id) {
        return seen.stream().filter(e -> Event.TYPE_PAGE.equals(e.event()) && e.job().id() == id)
                .map(Event::page).toList();
    }

    @Override
    public void close() throws IOException {
        printer.close();
        spool.close();
    }
}
