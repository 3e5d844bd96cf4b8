package io.paperjam.server.door;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.paperjam.server.ServerSettings;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads a front door runs on: an acceptor group, a worker group, and the disk executor that
 * spool writes and commits run on (never the event loop). Either owned by one door, which shuts
 * them down when it closes, or shared with the JSON port, whose owner shuts them down.
 */
public final class DoorThreads implements AutoCloseable {

    private static final long SHUTDOWN_WAIT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DoorThreads.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService disk;
    private final boolean owned;

    private DoorThreads(EventLoopGroup boss, EventLoopGroup workers, ExecutorService disk, boolean owned) {
        this.boss = Objects.requireNonNull(boss, "boss");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.disk = Objects.requireNonNull(disk, "disk");
        this.owned = owned;
    }

    /**
     * New threads named after the door ({@code raw-io-1}, {@code raw-disk-1}), shut down by {@link #close()}, for
     * a door run on its own; with the JSON port it uses that port's threads ({@link #shared}). Its spool writers
     * run side by side (they block on fsync), as many as {@link ServerSettings#DEFAULT_DISK_THREADS}.
     */
    public static DoorThreads create(String door) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(door + "-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(door + "-io"),
                NioIoHandler.newFactory());
        ExecutorService disk = Executors.newFixedThreadPool(ServerSettings.DEFAULT_DISK_THREADS,
                new DefaultThreadFactory(door + "-disk", true));
        return new DoorThreads(boss, workers, disk, true);
    }

    /** Threads someone else owns (the JSON port's); {@link #close()} leaves them running. */
    public static DoorThreads shared(EventLoopGroup boss, EventLoopGroup workers, ExecutorService disk) {
        return new DoorThreads(boss, workers, disk, false);
    }

    public EventLoopGroup boss() {
        return boss;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    public ExecutorService disk() {
        return disk;
    }

    /** Shuts owned threads down: the event loops first, so that their last disk tasks (aborts) still run. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        boss.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        disk.shutdown();
        try {
            if (!disk.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("disk tasks still running {}s after shutdown; interrupting them", SHUTDOWN_WAIT_SECONDS);
                disk.shutdownNow();
            }
        } catch (InterruptedException e) {
            disk.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
