package io.paperjam.server.lpd;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.spool.Spool;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection of one LPD door shares.
 *
 * @param holdDir  where data files wait for a control file that comes after them
 * @param trusted  peers that may remove anyone's jobs (others only their own)
 */
record LpdContext(Printer printer, Spool spool, DoorLimits limits, Executor disk, Path holdDir,
                  Predicate<SocketAddress> trusted) {

    private static final Logger LOG = LoggerFactory.getLogger(LpdContext.class);

    /**
     * Runs {@code task} on the disk executor for {@code peer}; when it refuses work (the server is
     * shutting down) logs that and fails {@code failed}, if given.
     */
    void onDisk(Runnable task, String peer, CompletableFuture<?> failed) {
        try {
            disk.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("lpd: the disk executor refused work for {}: the server is shutting down", peer);
            if (failed != null) {
                failed.completeExceptionally(e);
            }
        }
    }
}
