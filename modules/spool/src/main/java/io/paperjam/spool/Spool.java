package io.paperjam.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable job store in a folder: a job whose {@link JobUpload#commit()} returned, and every state change
 * that returned, survives a process crash or power loss, and a crash at any instant leaves no half job visible.
 *
 * <h2>On-disk format</h2>
 * <pre>
 * spool/                      owner-only (0700)
 *   paperjam-spool            marker: "this folder is a paperjam spool, format 1"
 *   lock                      OS-locked by the owning process; says "pid 4242 on host h"
 *   last-id                   no id above this number was ever handed out (see IdAllocator)
 *   tmp/                      partial uploads and control-file rewrites; emptied at open
 *   queue/                    acknowledged, waiting:   000000000042.json  000000000042.data
 *   active/                   being printed; the .json carries the page reached
 *   done/                     completed, canceled or aborted; pruned by retention
 *   corrupt/                  damaged or orphaned files moved aside at open, never deleted
 *   journal/                  small jobs acknowledged but not yet written to queue/: 000000000003.log
 *                             (format in {@link Journal}); empty after a clean close unless
 *                             {@link SpoolSettings#closeDrain()} ran out
 *   history.jsonl             one JSON line per pruned done job
 *   printer.json              device state, written by the server ({@link #writeDeviceState})
 *   token                     admin token, written by the server (ignored by the spool)
 * </pre>
 * {@code <id>.data} holds the document exactly as received; {@code <id>.json} (pretty-printed JSON) holds
 * the header, size, SHA-256, pages done, outcome, reason and times. The folder a control file sits in is the
 * job's state.
 *
 * <h2>How durability is reached</h2>
 * A commit creates {@code tmp/<id>.data} exclusively, streams into it, forces it, writes and forces
 * {@code tmp/<id>.json}, renames the data file and then the control file into {@code queue/} and fsyncs
 * {@code queue/}. The rename of the control file is the commit point; concurrent commits share the
 * directory fsync ({@link DirSync}). State changes rewrite the control file through tmp/ and rename both
 * files between folders, fsyncing every folder touched ({@link Transitions}); {@link Recovery} settles
 * whatever a crash interrupted. Ids are monotonic and never reused ({@link IdAllocator}).
 *
 * <p>A job that declares its size, up to {@link SpoolSettings#journalMaxBytes()}, is kept in memory while it
 * streams and committed by appending one record to {@code journal/}; the commit returns after one fsync that
 * concurrent commits share ({@link Journal}). A background thread then writes it as the two usual files in
 * {@code queue/} by the same steps as above ({@link Materialiser}); until then the job is served from memory
 * and its state changes and {@link #openDocument} wait for its files. At open, intact journal records whose
 * job is not yet a file are queued at once and left to the materialiser ({@link JournalReplay}), so a restart
 * after a crash in a burst does not wait for tens of thousands of files.
 *
 * <h2>Limits</h2>
 * The guarantee assumes a file system that honours fsync on files and directories and makes rename atomic
 * (ext4, xfs, btrfs, APFS); it does not cover a disk that lies about flushes, nor a network file system.
 * If an fsync fails the operation fails and nothing is acknowledged, but the file's state is then unknown
 * until the next open. A job committed but not yet acknowledged to its client (crash between the two) is
 * kept: delivery is at least once.
 *
 * <p>Every method is thread-safe. In-memory state changes only after the disk change succeeded.
 */
public final class Spool implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final int STRIPES = 64;

    private final SpoolSettings settings;
    private final SpoolDisk disk;
    private final SpoolLayout layout;
    private final SpoolLock lock;
    private final History history;
    private final IdAllocator ids;
    private final Quota quota;
    private final Transitions transitions;
    private final Journal journal; // null when the journal is off
    private final JobIndex index = new JobIndex();
    private final Object[] stripes = new Object[STRIPES];
    private final Object pruning = new Object();
    private final Object deviceState = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Spool(SpoolSettings settings, SpoolDisk disk, SpoolLock lock, History history, IdAllocator ids,
                  List<JobRecord> jobs, Journal journal) {
        this.journal = journal;
        this.settings = settings;
        this.disk = disk;
        this.layout = disk.layout;
        this.lock = lock;
        this.history = history;
        this.ids = ids;
        this.quota = new Quota(settings.quotaBytes(), settings.quotaJobs());
        this.transitions = new Transitions(disk);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        for (JobRecord job : jobs) {
            index.put(job);
            if (job.state() != JobState.DONE) {
                quota.force(job.size(), 1);
            }
        }
    }

    /**
     * Opens (creating if missing) the spool in {@code dir}, takes ownership and runs recovery.
     *
     * @throws SpoolLockedException if another process or Spool owns it
     * @throws NotASpoolException   if {@code dir} is a non-empty folder that is not a spool
     */
    public static Spool open(Path dir, SpoolSettings settings) throws IOException {
        return open(dir, settings, new SpoolFiles());
    }

    static Spool open(Path dir, SpoolSettings settings, SpoolFiles files) throws IOException {
        Objects.requireNonNull(settings, "settings");
        SpoolLayout layout = new SpoolLayout(dir.toAbsolutePath().normalize());
        SpoolDisk disk = new SpoolDisk(layout, files);
        boolean fresh = SpoolFolder.prepare(disk);
        SpoolLock lock = SpoolLock.acquire(layout.root(), layout.lock());
        History history = null;
        Journal journal = null;
        try {
            SpoolFolder.createFolders(disk, fresh);
            history = History.open(layout.history(), disk);
            boolean journalOn = settings.journalMaxBytes() > 0;
            JournalReplay.Result replayed = JournalReplay.run(disk, history, journalOn);
            List<JobRecord> backlog = replayed.backlogJobs();
            Recovery.Result recovered = new Recovery(disk, history, settings.clock().instant(), backlog).run();
            List<JobRecord> jobs = new ArrayList<>(recovered.jobs());
            jobs.addAll(backlog); // queued already; the journal writes their files in the background
            long maxSeen = Math.max(recovered.maxIdSeen(), history.maxId());
            maxSeen = backlog.isEmpty() ? maxSeen : Math.max(maxSeen, backlog.get(backlog.size() - 1).id());
            IdAllocator ids = new IdAllocator(disk, IdAllocator.readCeiling(layout.lastId()), maxSeen);
            journal = journalOn ? new Journal(disk, replayed.nextSegment(), replayed.kept(), settings.closeDrain()) : null;
            Spool spool = new Spool(settings, disk, lock, history, ids, jobs, journal);
            spool.prune();
            LOG.info("opened spool {}: {} job(s), next id {}", layout.root(), jobs.size(), ids.peek());
            return spool;
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.abandon();
            }
            if (history != null) {
                history.close();
            }
            lock.close();
            throw e;
        }
    }

    /** The spool folder (absolute); the server keeps {@code token} here. */
    public Path root() {
        return layout.root();
    }

    /**
     * Starts an upload. Reserves one job and, if the header declares a size, that many bytes.
     *
     * @throws SpoolFullException if the reservation would exceed the quota; nothing is written then
     */
    public JobUpload begin(JobHeader header) throws IOException {
        Objects.requireNonNull(header, "header");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long reserved = Math.max(0, header.declaredSize());
            quota.reserve(reserved, 1);
            try {
                long id = ids.next();
                if (journal != null && header.declaredSize() >= 0 && header.declaredSize() <= settings.journalMaxBytes()) {
                    return new JobUpload(this, id, header, now(), null, null, reserved); // kept in memory, journaled
                }
                Path tmpData = layout.tmpData(id);
                FileChannel channel = disk.files.createExclusive(tmpData);
                return new JobUpload(this, id, header, now(), tmpData, channel, reserved);
            } catch (IOException | RuntimeException e) {
                quota.release(reserved, 1);
                throw e;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Called by {@link JobUpload#commit()} with the data file still open: forces the data file and writes and
     * forces the control file side by side, and only once both are durable renames them into queue/ (the
     * control file last: the commit point) and fsyncs queue/.
     */
    void commitUpload(JobRecord job, Path tmpData, FileChannel dataChannel) throws IOException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long id = job.id();
            Path tmpControl = layout.tmpControl(id);
            Path data = layout.data(JobState.QUEUED, id);
            Path control = layout.control(JobState.QUEUED, id);
            byte[] controlBytes = ControlCodec.encodeControl(job);
            try {
                Overlap.both(() -> disk.writeNew(tmpControl, controlBytes), () -> {
                    disk.files.force(dataChannel);
                    dataChannel.close();
                });
            } catch (IOException | RuntimeException e) {
                disk.deleteQuietly(tmpControl);
                throw e;
            }
            boolean dataMoved = false;
            boolean controlMoved = false;
            try {
                disk.files.move(tmpData, data, false);
                dataMoved = true;
                disk.files.move(tmpControl, control, false);
                controlMoved = true;
                disk.syncDir(layout.folder(JobState.QUEUED));
            } catch (IOException | RuntimeException e) {
                if (controlMoved) {
                    disk.deleteQuietly(control);
                }
                if (dataMoved) {
                    disk.deleteQuietly(data);
                }
                disk.deleteQuietly(tmpControl);
                throw e;
            }
            index.put(job);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Called by {@link JobUpload#commit()} for a small job held in memory: appends it to the journal and
     * returns once the journal's fsync covers it. If the journal has failed, commits through the file path.
     */
    void commitJournaled(JobRecord job, byte[] document) throws IOException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            byte[] control = ControlCodec.encodeControl(job);
            try {
                journal.commit(job, control, document, HexFormat.of().parseHex(job.sha256()));
            } catch (IOException e) {
                if (e instanceof SpoolException) { // poisoned earlier (logged then) or backlog full
                    LOG.debug("job {}: {}; committing it through tmp/", job.id(), e.getMessage());
                } else {
                    LOG.warn("job {}: the journal could not take it ({}); committing it through tmp/ instead",
                            job.id(), e.toString());
                }
                Path tmpData = layout.tmpData(job.id());
                FileChannel channel = disk.files.createExclusive(tmpData);
                try {
                    disk.files.write(channel, ByteBuffer.wrap(document));
                } catch (IOException | RuntimeException failure) {
                    channel.close();
                    disk.deleteQuietly(tmpData);
                    throw failure;
                }
                try {
                    commitUpload(job, tmpData, channel);
                } catch (IOException | RuntimeException failure) {
                    channel.close();
                    disk.deleteQuietly(tmpData);
                    throw failure;
                }
                return;
            }
            index.put(job);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The job in any state, including pruned jobs from history (documentPresent=false). */
    public Optional<JobRecord> find(long id) {
        JobRecord job = index.get(id);
        return job != null ? Optional.of(job) : history.find(id);
    }

    /** Queued, active and done jobs (not history), by id. */
    public List<JobRecord> jobs() {
        return new ArrayList<>(index.all());
    }

    /** Queued jobs, first in first out (by id). */
    public List<JobRecord> queued() {
        return index.queued();
    }

    /** The oldest queued job, if any: O(log n) however many jobs the spool holds. */
    public Optional<JobRecord> oldestQueued() {
        return index.firstQueued(job -> true);
    }

    /**
     * The oldest queued job that {@code wanted} accepts (first in first out, by id); the cost grows with the
     * queued jobs it refuses, not with the size of the spool.
     */
    public Optional<JobRecord> firstQueued(Predicate<JobRecord> wanted) {
        Objects.requireNonNull(wanted, "wanted");
        return index.firstQueued(wanted);
    }

    /** Queue to active. */
    public JobRecord activate(long id) throws IOException {
        return change(id, EnumSet.of(JobState.QUEUED), "activate", job -> job.withState(JobState.ACTIVE, now()));
    }

    /** Durably records the page an active job reached. */
    public JobRecord progress(long id, int pagesDone) throws IOException {
        if (pagesDone < 0) {
            throw new IllegalArgumentException("pagesDone must not be negative: " + pagesDone);
        }
        return change(id, EnumSet.of(JobState.ACTIVE), "record progress of", job -> job.withPagesDone(pagesDone, now()));
    }

    /** Active back to queue, keeping the page reached. */
    public JobRecord requeue(long id) throws IOException {
        return change(id, EnumSet.of(JobState.ACTIVE), "requeue", job -> job.withState(JobState.QUEUED, now()));
    }

    /** Queued or active to done; then applies retention. */
    public JobRecord finish(long id, JobOutcome outcome, String reason) throws IOException {
        return finish(id, outcome, reason, job -> job);
    }

    /**
     * As {@link #finish(long, JobOutcome, String)}, recording the page the job reached in the same control-file
     * write: one durable change instead of {@link #progress} followed by a finish.
     */
    public JobRecord finish(long id, JobOutcome outcome, String reason, int pagesDone) throws IOException {
        if (pagesDone < 0) {
            throw new IllegalArgumentException("pagesDone must not be negative: " + pagesDone);
        }
        return finish(id, outcome, reason, job -> job.withPagesDone(pagesDone, now()));
    }

    private JobRecord finish(long id, JobOutcome outcome, String reason, UnaryOperator<JobRecord> before)
            throws IOException {
        Objects.requireNonNull(outcome, "outcome");
        JobRecord done = change(id, EnumSet.of(JobState.QUEUED, JobState.ACTIVE), "finish",
                job -> before.apply(job).finished(outcome, reason, now()));
        try {
            pruneIfDue();
        } catch (IOException e) {
            LOG.warn("retention after finishing job {} failed; will retry: {}", id, e.toString());
        }
        return done;
    }

    private JobRecord change(long id, EnumSet<JobState> from, String verb, UnaryOperator<JobRecord> update)
            throws IOException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            awaitFiles(id);
            synchronized (stripe(id)) {
                JobRecord current = index.get(id);
                if (current == null) {
                    throw history.contains(id)
                            ? new IllegalJobStateException("cannot " + verb + " job " + id + ": it is done and pruned")
                            : new NoSuchJobException("no job " + id + " in spool " + root());
                }
                if (!from.contains(current.state())) {
                    throw new IllegalJobStateException("cannot " + verb + " job " + id + ": it is "
                            + current.state().name().toLowerCase() + (current.outcome() == null ? ""
                            : " (" + current.outcome().name().toLowerCase() + ")"));
                }
                JobRecord next = update.apply(current);
                transitions.apply(current, next);
                index.put(next);
                if (next.state() == JobState.DONE) {
                    quota.release(next.size(), 1);
                }
                return next;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** A read-only channel on the job's document; it stays valid while the job moves between folders. */
    public FileChannel openDocument(long id) throws IOException {
        awaitFiles(id);
        for (int attempt = 0; ; attempt++) {
            JobRecord job = index.get(id);
            if (job == null) {
                throw history.contains(id)
                        ? new NoSuchJobException("the document of job " + id + " was pruned by retention")
                        : new NoSuchJobException("no job " + id + " in spool " + root());
            }
            try {
                return FileChannel.open(layout.data(job.state(), id), StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                if (attempt >= 10) {
                    throw e; // moved concurrently every time: give up
                }
            }
        }
    }

    /**
     * Where the job's document is right now; it moves when the job changes state, so prefer
     * {@link #openDocument(long)} unless a path is needed.
     *
     * @throws NoSuchElementException if no queued, active or done job has this id
     */
    public Path documentPath(long id) {
        try {
            awaitFiles(id);
        } catch (IOException e) {
            LOG.warn("job {}: {}", id, e.getMessage());
        }
        JobRecord job = index.get(id);
        if (job == null) {
            throw new NoSuchElementException("no document for job " + id + " in spool " + root());
        }
        return layout.data(job.state(), id);
    }

    /** The bytes of {@code printer.json}, if the server ever wrote it. */
    public Optional<byte[]> readDeviceState() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(layout.deviceState()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces {@code printer.json} atomically and durably. */
    public void writeDeviceState(byte[] json) throws IOException {
        Objects.requireNonNull(json, "json");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (deviceState) {
                disk.replace(layout.deviceState(), json.clone());
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Applies retention now: done jobs beyond the count or older than the age limit are appended to
     * {@code history.jsonl} (forced) and then their files are deleted.
     *
     * @return how many jobs were pruned
     */
    public int prune() throws IOException {
        return prune(0);
    }

    /**
     * Retention after a finish: waits until more than {@link Retention#slack} jobs are over the count limit (or
     * one is over the age limit), so that one history fsync and one folder fsync serve a batch of jobs.
     */
    private void pruneIfDue() throws IOException {
        prune(Retention.slack(settings));
    }

    private int prune(int slack) throws IOException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (pruning) {
                Instant now = now();
                List<JobRecord> victims = Retention.select(index.done(), settings, now);
                if (victims.size() <= slack && !Retention.anyExpired(victims, settings, now)) {
                    return 0;
                }
                List<JobRecord> pruned = new ArrayList<>(victims.size());
                for (JobRecord job : victims) {
                    pruned.add(job.pruned());
                }
                history.append(pruned, now);
                for (JobRecord job : victims) {
                    synchronized (stripe(job.id())) {
                        disk.files.deleteIfExists(layout.data(JobState.DONE, job.id()));
                        disk.files.deleteIfExists(layout.control(JobState.DONE, job.id()));
                        index.remove(job.id());
                    }
                }
                disk.syncDir(layout.folder(JobState.DONE));
                LOG.debug("pruned {} done job(s) into {}", victims.size(), layout.history());
                return victims.size();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Bytes and jobs counted against the quota right now. */
    public SpoolUsage usage() {
        return quota.usage();
    }

    /** Records the last id, releases the lock. Uploads still open can no longer commit. Idempotent. */
    @Override
    public void close() throws IOException {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (lock; history) {
                if (journal != null) {
                    journal.close(); // writes every journaled job to queue/ first
                }
                ids.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * For tests: lets go of the folder the way a killed process would (lock released, nothing recorded,
     * {@code last-id} not rewritten), so that a test can reopen it and exercise recovery in one JVM.
     */
    void abandon() throws IOException {
        lifecycle.writeLock().lock();
        try {
            closed = true;
            ids.abandon();
            if (journal != null) {
                journal.abandon();
            }
            try (lock; history) {
                LOG.debug("abandoning spool {} without a clean close", root());
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Fsyncs actually issued on queue/ versus requested (group-commit statistics, for tests and benchmarks). */
    long[] queueSyncStats() {
        DirSync sync = disk.dirSync(layout.folder(JobState.QUEUED));
        return new long[] {sync.requests(), sync.fsyncs()};
    }

    /** Fsyncs the journal issued for commits (0 when off), for tests and benchmarks. */
    long journalFsyncs() {
        return journal == null ? 0 : journal.fsyncs();
    }

    /** A journaled job's files are written to queue/ in the background; state changes wait for them. */
    private void awaitFiles(long id) throws IOException {
        if (journal != null) {
            journal.awaitMaterialised(id);
        }
    }

    SpoolDisk disk() {
        return disk;
    }

    Quota quota() {
        return quota;
    }

    Instant now() {
        return settings.clock().instant();
    }

    private Object stripe(long id) {
        return stripes[(int) Math.floorMod(id, (long) STRIPES)];
    }

    private void ensureOpen() throws SpoolException {
        if (closed) {
            throw new SpoolException("spool " + root() + " is closed");
        }
    }
}
