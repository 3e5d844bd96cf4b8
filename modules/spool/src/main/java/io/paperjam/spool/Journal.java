package io.paperjam.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for small jobs: a commit appends one record to the current segment and returns once one fsync
 * started after its append has succeeded, so concurrent commits share an fsync; a {@link Materialiser} later
 * turns each record into the usual {@code queue/<id>.json} and {@code queue/<id>.data}, and a segment is
 * deleted once all its records are materialised durably.
 *
 * <h2>On-disk format</h2>
 * <pre>
 * spool/journal/000000000007.log     segments, numbered upwards; only the highest one is appended to
 *
 * record (big-endian), one after the other from offset 0, nothing else in the file:
 *   u32   L         length of what follows the CRC (id .. sha256)
 *   u32   crc32c    CRC32C of those L bytes
 *   i64   id        the job id (from last-id, like every other job)
 *   u32   J         length of the control JSON
 *   J     control   exactly the bytes that become queue/&lt;id&gt;.json (state queued)
 *   u32   D         document length (at most the journal-max-bytes setting)
 *   D     document  exactly the bytes that become queue/&lt;id&gt;.data
 *   32    sha256    SHA-256 of the document, raw
 * </pre>
 * A segment is created zero-filled to {@link #SEGMENT_BYTES} (and forced) before any record goes into it;
 * records overwrite the zeros from offset 0, so the records end where a length and CRC's worth of zeros runs
 * to the end of the file (or at the end of the file). A record is intact when L fits in the file and the CRC
 * matches. Replay at open ({@link JournalReplay}) finds every intact record whose job has no control file in a
 * state folder yet and is not in history, and hands those of clean segments back to a new journal as its
 * backlog: they are queued at once and materialised in the background; a damaged record at the end of the
 * newest segment is a torn append (never acknowledged) and is cut off.
 *
 * <p>A commit that finds {@value #MAX_BACKLOG_JOBS} jobs waiting for materialisation is refused (the caller
 * commits it through tmp/ instead), which bounds the memory held for journaled documents.
 *
 * <p>An append or fsync failure poisons the journal for the rest of the process: later commits of small
 * jobs take the file path ({@link JournalFailedException}), because bytes after a failed write could hide
 * acknowledged records behind a torn one.
 */
final class Journal implements Closeable {

    /** A segment is closed (forced) and a new one started once it holds this many bytes. */
    static final long SEGMENT_BYTES = 8L << 20;
    /** At most this many acknowledged jobs wait for materialisation; beyond it commits take the file path. */
    static final int MAX_BACKLOG_JOBS = 100_000;
    /** How long openDocument and state changes wait for a journaled job's files. */
    static final long MATERIALISE_WAIT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final ExecutorService PREPARING = Background.daemons("spool-journal-prepare");
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    /** One segment file; {@code unmaterialised} counts its acknowledged records not yet in queue/. */
    static final class Segment {
        final Path path;
        final FileChannel channel;
        /** Bytes zero-filled and forced at creation: appends within them change no metadata. */
        final long capacity;
        long size;
        int unmaterialised;
        private FileChannel reader; // opened by the materialiser on first use, closed with the segment

        Segment(Path path, FileChannel channel, long capacity) {
            this.path = path;
            this.channel = channel;
            this.capacity = capacity;
        }

        /** A channel to read records back, kept open until the segment is closed (one open per segment). */
        synchronized FileChannel reader() throws IOException {
            if (reader == null) {
                reader = FileChannel.open(path, StandardOpenOption.READ);
            }
            return reader;
        }

        synchronized void close() throws IOException {
            try {
                if (reader != null) {
                    reader.close();
                }
            } finally {
                channel.close();
            }
        }
    }

    /**
     * An acknowledged journaled job waiting for its files; its document is read back from the segment (at
     * {@code offset}, {@code length} bytes of record), so a backlog costs disk, not memory.
     */
    record Pending(JobRecord job, Segment segment, long offset, int length, CompletableFuture<Void> done) {
    }

    private final SpoolDisk disk;
    private final Duration closeDrain;
    private final Path dir;
    private final long segmentBytes;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Object waiting = new Object();
    private boolean leading; // guarded by waiting
    private final AtomicLong durable = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore backlog;
    private final Materialiser materialiser;
    private final List<Segment> retired = new ArrayList<>(); // full and unneeded, to delete; guarded by appendLock
    private Segment active;
    private CompletableFuture<Segment> prepared; // the next segment, being zero-filled; guarded by appendLock
    private long nextSegment;
    private long appended;
    private volatile IOException failed;

    /**
     * A journal whose materialiser starts with the jobs replay left in {@code kept} (oldest first) and whose
     * {@link #close()} writes jobs out for at most {@code closeDrain}.
     */
    Journal(SpoolDisk disk, long nextSegment, List<JournalReplay.KeptSegment> kept, Duration closeDrain)
            throws IOException {
        this(disk, nextSegment, SEGMENT_BYTES, kept, closeDrain);
    }

    /** With another segment size (tests use tiny ones to rotate often). */
    Journal(SpoolDisk disk, long nextSegment, long segmentBytes) throws IOException {
        this(disk, nextSegment, segmentBytes, List.of(), SpoolSettings.DEFAULT_CLOSE_DRAIN);
    }

    private Journal(SpoolDisk disk, long nextSegment, long segmentBytes, List<JournalReplay.KeptSegment> kept,
                    Duration closeDrain) throws IOException {
        this.closeDrain = closeDrain;
        this.disk = disk;
        this.segmentBytes = segmentBytes;
        this.dir = disk.layout.journal();
        this.nextSegment = nextSegment;
        List<Pending> entries = adopt(kept);
        this.backlog = new Semaphore(MAX_BACKLOG_JOBS - entries.size()); // may start below zero: refuses until drained
        this.materialiser = new Materialiser(disk, this);
        for (Pending entry : entries) {
            materialiser.submit(entry);
        }
        this.prepared = prepare();
    }

    /** Turns the segments replay kept into pending entries, as if their jobs had just been committed. */
    private List<Pending> adopt(List<JournalReplay.KeptSegment> kept) throws IOException {
        List<Pending> entries = new ArrayList<>();
        List<Segment> adopted = new ArrayList<>();
        try {
            for (JournalReplay.KeptSegment keptSegment : kept) {
                FileChannel channel = FileChannel.open(keptSegment.path(), StandardOpenOption.READ);
                Segment segment = new Segment(keptSegment.path(), channel, channel.size());
                adopted.add(segment);
                segment.size = segment.capacity;
                segment.unmaterialised = keptSegment.jobs().size();
                for (JournalReplay.Backlog job : keptSegment.jobs()) {
                    Pending entry = new Pending(job.job(), segment, job.offset(), job.length(), new CompletableFuture<>());
                    pending.put(job.job().id(), entry);
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            adopted.forEach(Journal::closeQuietly);
            throw e;
        }
    }

    /**
     * Appends the job, waits until it is durable, hands it to the materialiser and returns: the job may be
     * acknowledged. Throws {@link JournalFailedException} (nothing acknowledged) once the journal is poisoned.
     */
    void commit(JobRecord job, byte[] control, byte[] document, byte[] sha256) throws IOException {
        ensureHealthy();
        if (!backlog.tryAcquire()) {
            throw new SpoolException("journal backlog full: " + MAX_BACKLOG_JOBS + " jobs wait to be written to queue/");
        }
        Segment segment = null;
        boolean handedOver = false;
        try {
            ByteBuffer record = JournalCodec.encode(job.id(), control, document, sha256);
            long lsn;
            long offset;
            int length;
            appendLock.lock();
            try {
                ensureHealthy();
                Segment target = segmentFor(record.remaining());
                length = record.remaining();
                offset = target.size;
                try {
                    disk.files.write(target.channel, record);
                } catch (IOException | RuntimeException e) {
                    throw poison(e);
                }
                target.size += length;
                target.unmaterialised++; // from here on the segment must outlive this record's materialisation
                segment = target;
                appended += length;
                lsn = appended;
            } finally {
                appendLock.unlock();
            }
            reap();
            awaitDurable(lsn);
            Pending entry = new Pending(job, segment, offset, length, new CompletableFuture<>());
            pending.put(job.id(), entry);
            materialiser.submit(entry);
            handedOver = true;
        } finally {
            if (!handedOver) {
                backlog.release();
                if (segment != null) {
                    forget(segment); // not acknowledged: the record may stay or go with its segment
                }
            }
        }
    }

    /**
     * Returns once the record ending at {@code lsn} is on disk. Classic group commit: one caller at a time
     * leads an fsync that covers every record appended before it started; the others wait on a monitor and
     * all wake when it ends, so callers it covered return at once while the next leader's fsync runs.
     */
    private void awaitDurable(long lsn) throws IOException {
        boolean interrupted = false;
        try {
            synchronized (waiting) {
                while (durable.get() < lsn) {
                    ensureHealthy();
                    if (!leading) {
                        leading = true;
                        break;
                    }
                    try {
                        waiting.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the record is appended: its fate must be known before returning
                    }
                }
                if (durable.get() >= lsn) {
                    return;
                }
            }
            lead();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One fsync of the active segment covering everything appended so far; wakes every waiter after. */
    private void lead() throws IOException {
        try {
            syncLock.lock(); // segments are only closed under it, never while forced
            try {
                Segment segment;
                long target;
                boolean grown;
                appendLock.lock();
                try {
                    segment = active;
                    target = appended;
                    grown = segment.size > segment.capacity; // read under the lock that guards size
                } finally {
                    appendLock.unlock();
                }
                forceSegment(segment, grown);
                fsyncs.incrementAndGet();
                durable.accumulateAndGet(target, Math::max);
            } finally {
                syncLock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            throw poison(e);
        } finally {
            synchronized (waiting) {
                leading = false;
                waiting.notifyAll();
            }
        }
    }

    /** The active segment, after closing a full one (forced, so only the newest segment can have a torn tail). */
    private Segment segmentFor(int length) throws IOException {
        try {
            // a record goes where it leaves either no room or a length and CRC's worth of zeros after it, so a
            // reader tells the unwritten rest from a torn record; the first record of a segment always goes in
            if (active != null && active.size > 0 && active.size + length + JournalCodec.PREFIX > active.capacity) {
                forceSegment(active, active.size > active.capacity);
                durable.accumulateAndGet(appended, Math::max);
                Segment full = active;
                active = null;
                if (full.unmaterialised == 0) {
                    retired.add(full);
                }
            }
            if (active == null) {
                active = Background.await(prepared, "zero-filling the next journal segment");
                prepared = prepare();
            }
            return active;
        } catch (IOException | RuntimeException e) {
            throw poison(e);
        }
    }

    /**
     * Starts creating the next segment on a helper thread, so that no commit waits for it: zero-filled to the
     * segment size and forced, its name made durable (fsync of journal/) before any record in it is
     * acknowledged. Appends then overwrite zeros, and a group commit needs only fdatasync, which waits for no
     * file-system journal commit (the materialiser and the printer keep that busy with their renames).
     */
    private CompletableFuture<Segment> prepare() {
        Path path = dir.resolve(SpoolLayout.name(nextSegment++) + SpoolLayout.JOURNAL_SUFFIX);
        return Background.start(() -> zeroFilled(path), PREPARING);
    }

    private Segment zeroFilled(Path path) throws IOException {
        FileChannel channel = disk.files.createExclusive(path);
        try {
            ByteBuffer zeros = ZEROS.duplicate();
            for (long written = 0; written < segmentBytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), segmentBytes - written));
                while (zeros.hasRemaining()) {
                    written += channel.write(zeros, written);
                }
            }
            disk.files.force(channel);
            disk.syncDir(dir);
            return new Segment(path, channel, segmentBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            disk.deleteQuietly(path);
            throw e;
        }
    }

    /** fdatasync while every record is within the zero-filled bytes; fsync once a record made the file longer. */
    private void forceSegment(Segment segment, boolean grown) throws IOException {
        if (grown) {
            disk.files.force(segment.channel);
        } else {
            disk.files.forceData(segment.channel);
        }
    }

    /** Called by the materialiser once the job's files are durable in queue/. */
    void materialised(Pending entry) {
        pending.remove(entry.job().id());
        backlog.release();
        forget(entry.segment());
        entry.done().complete(null);
    }

    /** One record of the segment no longer needs it; a full segment that nothing needs is deleted. */
    private void forget(Segment segment) {
        appendLock.lock();
        try {
            segment.unmaterialised--;
            if (segment.unmaterialised == 0 && segment != active) {
                retired.add(segment);
            }
        } finally {
            appendLock.unlock();
        }
        reap();
    }

    /**
     * Closes and deletes retired segments. Lock order everywhere is syncLock before appendLock (the leader's
     * order); holding syncLock also means no leader is forcing a channel that is being closed.
     */
    private void reap() {
        appendLock.lock();
        try {
            if (retired.isEmpty()) {
                return;
            }
        } finally {
            appendLock.unlock();
        }
        syncLock.lock();
        try {
            List<Segment> dead;
            appendLock.lock();
            try {
                dead = new ArrayList<>(retired);
                retired.clear();
            } finally {
                appendLock.unlock();
            }
            for (Segment segment : dead) {
                closeQuietly(segment);
                disk.deleteQuietly(segment.path);
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** True while the job's files are not yet in queue/. */
    boolean isPending(long id) {
        return pending.containsKey(id);
    }

    /** Waits until the job's files exist (no-op for a job that is not journaled). */
    void awaitMaterialised(long id) throws IOException {
        Pending entry = pending.get(id);
        if (entry == null) {
            return;
        }
        try {
            entry.done().get(MATERIALISE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpoolException("interrupted while job " + id + " was written from the journal");
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new SpoolException("job " + id + " is in the journal but its files are not written yet: " + e);
        }
    }

    /** Fsyncs issued for commits (for tests and benchmarks). */
    long fsyncs() {
        return fsyncs.get();
    }

    /**
     * Materialises what is acknowledged, for at most the close drain, then deletes every fully materialised
     * segment; the rest stays in journal/ for the next open, which queues it at once.
     */
    @Override
    public void close() {
        materialiser.stop(closeDrain);
        int left = materialiser.left();
        if (left > 0) {
            LOG.info("{} journaled job(s) were not written to queue/ within {} ms; they stay in {} and the next "
                    + "open queues them", left, closeDrain.toMillis(), dir);
        }
        closeSegments(true);
    }

    /** For tests: stop like a killed process would, leaving the segments as they are. */
    void abandon() {
        materialiser.stop(null);
        closeSegments(false);
    }

    private void closeSegments(boolean deleteEmpty) {
        reap();
        syncLock.lock();
        appendLock.lock();
        try {
            // segments still holding unwritten jobs (kept at open or full since) stay on disk for the next
            // open; only their channels close. The others were closed when they were deleted.
            pending.values().stream().map(Pending::segment).distinct().forEach(Journal::closeQuietly);
            if (active != null) {
                closeQuietly(active);
                if (deleteEmpty && active.unmaterialised == 0 && pending.isEmpty()) {
                    disk.deleteQuietly(active.path);
                }
                active = null;
            }
            closePrepared(deleteEmpty);
            failed = failed != null ? failed : new SpoolException("journal closed");
        } finally {
            appendLock.unlock();
            syncLock.unlock();
        }
    }

    /** The zero-filled next segment has no record: deleted at a clean close, left as a crash would leave it. */
    private void closePrepared(boolean delete) {
        if (prepared == null) {
            return;
        }
        try {
            Segment unused = Background.await(prepared, "zero-filling the next journal segment");
            closeQuietly(unused);
            if (delete) {
                disk.deleteQuietly(unused.path);
            }
        } catch (IOException e) {
            LOG.debug("the next journal segment was never ready: {}", e.toString());
        }
        prepared = null;
    }

    private static void closeQuietly(Segment segment) {
        try {
            segment.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", segment.path, e.toString());
        }
    }

    private IOException poison(Throwable cause) {
        IOException e = cause instanceof IOException io ? io : new IOException(cause);
        if (failed == null) {
            failed = e;
            LOG.error("the spool journal failed ({}); small jobs now take the file path until restart", e.toString());
        }
        return e;
    }

    private void ensureHealthy() throws JournalFailedException {
        IOException e = failed;
        if (e != null) {
            throw new JournalFailedException("the journal is unusable: " + e.getMessage(), e);
        }
    }
}
