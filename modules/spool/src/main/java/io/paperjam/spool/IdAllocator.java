package io.paperjam.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out job ids that are monotonic and never reused, across restarts and crashes.
 *
 * <p>The file {@code last-id} holds a ceiling: no id above it has ever been handed out. Before an id above the
 * ceiling is handed out, a new ceiling ({@value #BLOCK} ids higher) is written durably (tmp, force, rename,
 * fsync the root). So after any crash, the ceiling on disk is at least every id that any upload, committed
 * or not, ever received, and the next id is above it. A crash while the ceiling is rewritten leaves the old
 * file or the new one (rename is atomic), and no id of the new block was handed out before the rename was
 * durable. A clean close writes the exact last id, so ids stay contiguous across clean restarts and jump by
 * at most two blocks after a crash (see below). As a second line of defence (say {@code last-id} was
 * deleted by hand), open also takes the largest id found in any folder or in history, see {@link Recovery}.
 *
 * <p>The next ceiling is written ahead, on a helper thread, once half of the current block is handed out, so
 * uploads do not all wait for that fsync (a few milliseconds, far more on a busy disk) every {@value #BLOCK}
 * jobs; a caller waits only if the block runs out before the write is durable. Ids are still handed out only
 * up to the ceiling already on disk, so the promise above holds.
 */
final class IdAllocator {

    static final int BLOCK = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(IdAllocator.class);

    private static final ExecutorService WRITER = Background.daemons("spool-id-ceiling");

    private final SpoolDisk disk;
    private long next;
    /** No id above it is handed out: it is durable in {@code last-id}. */
    private long ceiling;
    /** The next ceiling being written, or null. */
    private CompletableFuture<Long> raising;
    private boolean closed;

    /** @param ceiling the value read from {@code last-id}; @param maxSeen the largest id found on disk */
    IdAllocator(SpoolDisk disk, long ceiling, long maxSeen) {
        this.disk = disk;
        this.ceiling = Math.max(ceiling, maxSeen);
        this.next = this.ceiling + 1;
    }

    /** Reads {@code last-id}; 0 when missing, and 0 with a warning when unreadable. */
    static long readCeiling(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            LOG.warn("{} is unreadable ({}); the next id is derived from the jobs and history on disk", file, e.getMessage());
            return 0;
        }
    }

    synchronized long next() throws IOException {
        if (closed) {
            throw new SpoolException("spool is closed");
        }
        if (raising != null && raising.isDone()) {
            try {
                ceiling = awaitRaise();
            } catch (IOException e) {
                if (next > ceiling) {
                    throw e;
                }
                LOG.warn("could not write the next id ceiling ({}); trying again", e.toString());
            }
        }
        if (raising == null && ceiling - next < BLOCK / 2) {
            raising = raise(Math.max(ceiling, next - 1) + BLOCK);
        }
        if (next > ceiling) {
            ceiling = awaitRaise(); // this block is used up before the next one was durable
        }
        return next++;
    }

    private CompletableFuture<Long> raise(long newCeiling) {
        return Background.start(() -> {
            write(newCeiling);
            return newCeiling;
        }, WRITER);
    }

    /** The id the next upload will get (for inspection and tests). */
    synchronized long peek() {
        return next;
    }

    /** Records the exact last id handed out and refuses further ids. */
    synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            if (raising != null) {
                awaitRaise(); // or it could land after the exact value below
            }
            write(next - 1);
        }
    }

    /** Lets a ceiling write in flight end without recording anything, as a killed process would (tests). */
    synchronized void abandon() {
        closed = true;
        if (raising != null) {
            raising.handle((ok, failure) -> null).join(); // it must not land in the folder's next owner's time
        }
    }

    /** The ceiling being written, once durable; a failed write is tried again by the next caller. */
    private long awaitRaise() throws IOException {
        CompletableFuture<Long> pending = raising;
        raising = null;
        return Background.await(pending, "writing last-id");
    }

    private void write(long newCeiling) throws IOException {
        disk.replace(disk.layout.lastId(), (newCeiling + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
