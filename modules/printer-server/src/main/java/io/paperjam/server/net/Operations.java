package io.paperjam.server.net;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.FaultAction;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.Protocol;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.SuppliesAction;
import io.paperjam.server.core.Printer;
import io.paperjam.server.security.AdminGuard;
import java.net.SocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every request except submit and watch against the printer and says what to reply; admin
 * operations go through the {@link AdminGuard} first. Knows nothing about Netty.
 */
public final class Operations {

    /** How many jobs a {@code jobs} request lists when it names no limit. */
    public static final int DEFAULT_JOBS_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final Printer printer;
    private final AdminGuard guard;

    public Operations(Printer printer, AdminGuard guard) {
        this.printer = printer;
        this.guard = guard;
    }

    /** The reply to {@code request} from {@code peer}; never throws. */
    public Reply execute(Request request, SocketAddress peer) {
        try {
            return dispatch(request, peer);
        } catch (ProtocolException e) {
            log.warn("{} from {} refused: {} {}", request.op(), peer, e.code(), e.getMessage());
            return e.toReply();
        } catch (IllegalArgumentException e) {
            log.warn("{} from {} refused: {}", request.op(), peer, e.getMessage());
            return Reply.error(ErrorCode.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} from {} failed", request.op(), peer, e);
            return Reply.error(ErrorCode.INTERNAL, "the printer failed to " + request.op() + "; see its log");
        }
    }

    private Reply dispatch(Request request, SocketAddress peer) throws ProtocolException {
        if (request instanceof Request.Status) {
            return Reply.success().withProtocol(Protocol.VERSION).withPrinter(printer.status());
        } else if (request instanceof Request.Jobs jobs) {
            int limit = jobs.limit() == null ? DEFAULT_JOBS_LIMIT : jobs.limit();
            return Reply.success().withJobs(printer.jobs(jobs.states(), limit));
        } else if (request instanceof Request.Job job) {
            return Reply.success().withJob(printer.job(job.id()).orElseThrow(() -> noJob(job.id())));
        } else if (request instanceof Request.Cancel cancel) {
            return cancel(cancel, peer);
        } else if (request instanceof Request.Fault fault) {
            return fault(fault, peer);
        } else if (request instanceof Request.SuppliesChange change) {
            guard.check("supplies " + change.action().wire(), change.token(), peer);
            PrinterInfo after = change.action() == SuppliesAction.REFILL
                    ? printer.refill(change.supply())
                    : printer.setSupplies(change.paper(), change.ink());
            return Reply.success().withPrinter(after);
        } else if (request instanceof Request.Pause pause) {
            guard.check("pause", pause.token(), peer);
            return Reply.success().withPrinter(printer.pause());
        } else if (request instanceof Request.Resume resume) {
            guard.check("resume", resume.token(), peer);
            return Reply.success().withPrinter(printer.resume());
        }
        throw new ProtocolException(ErrorCode.UNKNOWN_OP, "op '" + request.op() + "' is not served here");
    }

    /** Anyone may cancel a job without a user or their own job; another user's needs admin rights. */
    private Reply cancel(Request.Cancel cancel, SocketAddress peer) throws ProtocolException {
        JobInfo job = printer.job(cancel.id()).orElseThrow(() -> noJob(cancel.id()));
        if (job.user() != null && !Objects.equals(job.user(), cancel.user())) {
            guard.check("cancel of another user's job " + job.id(), cancel.token(), peer);
        }
        JobInfo canceled = printer.cancel(cancel.id());
        log.info("job {} canceled by {} from {}", canceled.id(), cancel.user(), peer);
        return Reply.success().withJob(canceled).withPrinter(printer.status());
    }

    private Reply fault(Request.Fault fault, SocketAddress peer) throws ProtocolException {
        if (fault.action() != FaultAction.LIST) {
            guard.check("fault " + fault.action().wire(), fault.token(), peer);
        }
        PrinterInfo after;
        if (fault.action() == FaultAction.SET) {
            after = printer.setFaults(fault.names());
            log.info("faults {} set from {}", fault.names(), peer);
        } else if (fault.action() == FaultAction.CLEAR) {
            after = Boolean.TRUE.equals(fault.all()) ? printer.clearAllFaults() : printer.clearFaults(fault.names());
            log.info("faults {} cleared from {}", Boolean.TRUE.equals(fault.all()) ? "(all)" : fault.names(), peer);
        } else {
            after = printer.status();
        }
        return Reply.success().withFaults(printer.faults()).withPrinter(after);
    }

    static ProtocolException noJob(long id) {
        return new ProtocolException(ErrorCode.NOT_FOUND, "no job " + id);
    }
}
