package io.paperjam.server.ipp;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorListener;
import io.paperjam.server.door.DoorServer;
import io.paperjam.server.door.DoorThreads;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPP/2.0 front door (RFC 8011 over HTTP, RFC 8010 encoding): a real IPP client such as CUPS or
 * ipptool prints to {@code ipp://HOST:PORT/ipp/print} and sees the simulated device's state and
 * faults. Off unless started; binds to loopback unless told otherwise. Listens, limits connections
 * and drains on close like every other door ({@link DoorListener}).
 */
public final class IppServer extends DoorServer {

    private static final Logger LOG = LoggerFactory.getLogger(IppServer.class);
    private static final long EXPIRY_PERIOD_SECONDS = 5;

    private final IppService service;
    private final ExecutorService disk;
    private final ScheduledFuture<?> expiry;

    private IppServer(DoorListener listener, IppService service, DoorThreads threads) {
        super(listener);
        this.service = service;
        this.disk = threads.disk();
        this.expiry = threads.workers().next().scheduleAtFixedRate(this::expireOpenJobs, EXPIRY_PERIOD_SECONDS,
                EXPIRY_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts the door on its own threads, which {@link #close()} stops. */
    public static IppServer start(IppSettings settings, Printer printer, Spool spool) throws IOException {
        return start(settings, printer, spool, DoorThreads.create("ipp"));
    }

    /** Starts the door on threads someone else owns (the JSON port's); {@link #close()} leaves them running. */
    public static IppServer start(IppSettings settings, Printer printer, Spool spool, EventLoopGroup boss,
                                  EventLoopGroup workers, ExecutorService disk) throws IOException {
        return start(settings, printer, spool, DoorThreads.shared(boss, workers, disk));
    }

    private static IppServer start(IppSettings settings, Printer printer, Spool spool, DoorThreads threads)
            throws IOException {
        IppService service = new IppService(settings, printer, spool, threads.disk(), Clock.systemUTC());
        // HTTP: a client that ends its output is gone, so no half-closed connections
        DoorListener listener = DoorListener.bind("ipp", settings.host(), settings.port(), threads,
                service.limits(), new IppInitializer(service), false);
        IppServer server = new IppServer(listener, service, threads);
        LOG.info("IPP door prints at ipp://{}:{}{}", settings.host(), server.port(), IppUris.PRINTER_PATH);
        return server;
    }

    private void expireOpenJobs() {
        List<JobUpload> expired = service.context().openJobs().expire(service.context().clock().instant());
        abortAll(expired, "it got no document within multiple-operation-time-out");
    }

    private void abortAll(List<JobUpload> uploads, String why) {
        for (JobUpload upload : uploads) {
            LOG.warn("aborting IPP job {}: {}", upload.id(), why);
            try {
                disk.execute(upload::abort);
            } catch (RejectedExecutionException e) {
                upload.abort();   // no disk thread left; this is the closing thread, not an event loop
            }
        }
    }

    /**
     * Stops listening, lets requests in flight finish within the shutdown grace, then drops created
     * jobs that never got their document, and stops owned threads.
     */
    @Override
    public void close() {
        expiry.cancel(false);
        super.close();
        abortAll(service.context().openJobs().closeAll(), "the IPP door is closing");
    }
}
