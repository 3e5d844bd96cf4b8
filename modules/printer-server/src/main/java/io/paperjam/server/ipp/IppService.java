package io.paperjam.server.ipp;

import io.paperjam.server.core.Printer;
import io.paperjam.spool.Spool;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** What every IPP connection shares: the operations, the open jobs and the disk executor. Thread-safe. */
final class IppService {

    private final IppContext context;
    private final IppDispatcher dispatcher;
    private final DocumentOperations documents;
    private final ExecutorService disk;

    IppService(IppSettings settings, Printer printer, Spool spool, ExecutorService disk, Clock clock) {
        this.context = new IppContext(settings, printer, spool,
                new OpenJobs(settings.openJobLimit(), settings.openJobTimeout()), clock);
        this.dispatcher = new IppDispatcher(context);
        this.documents = new DocumentOperations(context);
        this.disk = disk;
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
}
