package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that writes journaled jobs out as {@code queue/<id>.json} + {@code queue/<id>.data},
 * in batches: each job's record is read back from its segment and checked, every file of the batch is
 * written, all of them are forced at once on a few helper threads (the disk completes concurrent fsyncs
 * together), then renamed into queue/ (control file last) and queue/ is fsynced once; only then the journal
 * may forget the batch. A failed batch is retried until it succeeds or the spool closes (the jobs stay safe
 * in the journal meanwhile).
 */
final class Materialiser {

    static final int BATCH = 256;
    /** The thread's name (benchmarks hold it back by it). */
    static final String THREAD_NAME = "spool-materialiser";
    private static final int FORCE_THREADS = 16;
    private static final long RETRY_MILLIS = 1000;
    /** How long a draining stop waits beyond its deadline for the batch in progress. */
    private static final long LAST_BATCH_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(Materialiser.class);

    private final SpoolDisk disk;
    private final Journal journal;
    private final LinkedBlockingQueue<Journal.Pending> queue = new LinkedBlockingQueue<>();
    private final ExecutorService forcing;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long drainDeadline; // System.nanoTime() after which a draining stop leaves the rest

    Materialiser(SpoolDisk disk, Journal journal) {
        this.disk = disk;
        this.journal = journal;
        this.forcing = Executors.newFixedThreadPool(FORCE_THREADS, runnable -> {
            Thread t = new Thread(runnable, "spool-materialise-fsync");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Journal.Pending entry) {
        queue.add(entry);
    }

    /**
     * Stops the thread: after writing what is queued, for at most {@code drain} (then after the batch in
     * progress; the rest stays in the journal), or at once if {@code drain} is null (a simulated crash).
     */
    void stop(Duration drain) {
        drainDeadline = System.nanoTime() + (drain == null ? 0 : drain.toNanos());
        stopping = true;
        if (drain == null) {
            thread.interrupt();
        }
        try {
            thread.join(drain == null ? TimeUnit.SECONDS.toMillis(10) : drain.toMillis() + LAST_BATCH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forcing.shutdownNow();
    }

    /** Jobs not written when the thread stopped (they stay in the journal). */
    int left() {
        return queue.size();
    }

    private boolean drained() {
        return stopping && (queue.isEmpty() || System.nanoTime() - drainDeadline > 0);
    }

    private void run() {
        List<Journal.Pending> batch = new ArrayList<>(BATCH);
        while (!drained() && !Thread.currentThread().isInterrupted()) {
            try {
                Journal.Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void writeWithRetry(List<Journal.Pending> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                write(batch, attempt > 1);
                for (Journal.Pending entry : batch) {
                    journal.materialised(entry);
                }
                return;
            } catch (IOException | RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                LOG.warn("writing {} journaled job(s) to queue/ failed (attempt {}), retrying: {}", batch.size(),
                        attempt, e.toString());
                if (stopping && attempt >= 3) {
                    LOG.warn("giving up at close; the journal keeps them and the next open writes them");
                    return;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    /**
     * Writes the batch durably into queue/. A retry (after a failed attempt) first clears what that attempt
     * left and skips jobs it already renamed into queue/, whose fsync the one below covers.
     */
    private void write(List<Journal.Pending> batch, boolean retry) throws IOException {
        SpoolLayout layout = disk.layout;
        List<Journal.Pending> todo = new ArrayList<>(batch.size());
        List<FileChannel> channels = new ArrayList<>(batch.size() * 2);
        try {
            for (Journal.Pending entry : batch) {
                long id = entry.job().id();
                if (retry && Files.exists(layout.control(JobState.QUEUED, id))) {
                    continue;
                }
                JournalCodec.Entry record = readBack(entry);
                channels.add(create(layout.tmpData(id), record.document(), retry));
                channels.add(create(layout.tmpControl(id), record.control(), retry));
                todo.add(entry);
            }
            forceAll(channels);
        } finally {
            for (FileChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.debug("closing a materialised file: {}", e.toString());
                }
            }
        }
        for (Journal.Pending entry : todo) {
            long id = entry.job().id();
            disk.files.move(layout.tmpData(id), layout.data(JobState.QUEUED, id), true);
            disk.files.move(layout.tmpControl(id), layout.control(JobState.QUEUED, id), false);
        }
        disk.syncDir(layout.folder(JobState.QUEUED));
    }

    /** The job's record, read back from its segment (the page cache, normally) and checked again. */
    private static JournalCodec.Entry readBack(Journal.Pending entry) throws IOException {
        FileChannel channel = entry.segment().reader();
        ByteBuffer bytes = ByteBuffer.allocate(entry.length());
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, entry.offset() + bytes.position()) < 0) {
                throw new IOException(entry.segment().path + " ends before the record of job " + entry.job().id());
            }
        }
        JournalCodec.Read read = JournalCodec.read(bytes.flip(), 0);
        if (read.entry() == null || read.entry().id() != entry.job().id()) {
            throw new IOException(entry.segment().path + ": the record of job " + entry.job().id() + " reads back "
                    + (read.damage() != null ? read.damage() : "as another job"));
        }
        return read.entry();
    }

    private FileChannel create(Path file, byte[] content, boolean retry) throws IOException {
        if (retry) {
            disk.files.deleteIfExists(file); // left by the failed attempt
        }
        FileChannel channel = disk.files.createExclusive(file);
        try {
            disk.files.write(channel, ByteBuffer.wrap(content));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void forceAll(List<FileChannel> channels) throws IOException {
        List<Callable<Void>> forces = new ArrayList<>(channels.size());
        for (FileChannel channel : channels) {
            forces.add(() -> {
                disk.files.force(channel);
                return null;
            });
        }
        try {
            for (Future<Void> done : forcing.invokeAll(forces)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forcing materialised files", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
