package io.paperjam.server.ipp;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.spool.Spool;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** What every IPP connection shares: the operations, the open jobs and the disk executor. Thread-safe. */
final class IppService {

    private final IppContext context;
    private final IppDispatcher dispatcher;
    private final DocumentOperations documents;
    private final ExecutorService disk;
    private final DoorLimits limits;

    IppService(IppSettings settings, Printer printer, Spool spool, ExecutorService disk, Clock clock) {
        this.context = new IppContext(settings, printer, spool,
                new OpenJobs(settings.openJobLimit(), settings.openJobTimeout()), clock);
        this.dispatcher = new IppDispatcher(context);
        this.documents = new DocumentOperations(context);
        this.disk = disk;
        this.limits = DoorLimits.defaults().withMaxDocumentBytes(settings.maxDocumentBytes())
                .withMaxConnections(settings.maxConnections()).withIdleTimeout(settings.idleTimeout())
                .withUploadBufferBytes(settings.uploadBufferBytes()).withShutdownGrace(settings.shutdownGrace());
    }

    IppContext context() {
        return context;
    }

    IppSettings settings() {
        return context.settings();
    }

    IppDispatcher dispatcher() {
        return dispatcher;
    }

    DocumentOperations documents() {
        return documents;
    }

    ExecutorService disk() {
        return disk;
    }

    /** The limits a document upload streams under, as at every door. */
    DoorLimits limits() {
        return limits;
    }
}
