package io.paperjam.server.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.server.door.DocumentAbandonedException;
import io.paperjam.server.door.DocumentTooLargeException;
import io.paperjam.server.door.SpoolSink;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.SpoolFullException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Print-Job and Send-Document: the two operations whose request carries a document. {@link #prepare}
 * checks the attributes before any document byte is stored; the handler then streams the document
 * into the plan's {@link SpoolSink} through a {@link io.paperjam.server.door.DocumentIngest}, like
 * every other door, and asks {@link #succeeded} or {@link #failed} for the response.
 */
final class DocumentOperations {

    /** A checked document request, ready to stream. */
    record Plan(IppRequest request, SpoolSink sink, Long openJobId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentOperations.class);

    private final IppContext context;

    DocumentOperations(IppContext context) {
        this.context = context;
    }

    /**
     * Checks a Print-Job or Send-Document. Runs on the event loop: it touches only memory.
     *
     * @param documentSize the document's size if the HTTP body's length is known, else -1
     */
    Plan prepare(IppRequest request, long documentSize) throws IppException {
        if (request.operation() == IppOperationCodes.PRINT_JOB) {
            return preparePrintJob(request, documentSize);
        }
        return prepareSendDocument(request);
    }

    private Plan preparePrintJob(IppRequest request, long documentSize) throws IppException {
        String format = JobTemplateCheck.check(request, context.printer());
        String name = JobTemplateCheck.jobName(request);
        int copies = JobTemplateCheck.copies(request);
        // no declared format (or octet-stream): the sink sniffs it from the first bytes
        String declared = format == null || format.equals(IppFormats.OCTET_STREAM) ? null : format;
        SpoolSink sink = new SpoolSink(context.spool(), context.printer(), new JobHeader(name, declared, copies,
                null, request.user(), documentSize, null));
        return new Plan(request, sink, null);
    }

    private Plan prepareSendDocument(IppRequest request) throws IppException {
        long id = JobOperations.jobId(request);
        if (request.bool("last-document").isEmpty()) {
            throw IppException.badRequest("Send-Document needs last-document");
        }
        if (!request.bool("last-document").get()) {
            throw new IppException(Status.serverErrorMultipleDocumentJobsNotSupported,
                    "a job holds one document here; send it with last-document=true");
        }
        String format = JobTemplateCheck.checkDocument(request);
        Optional<JobUpload> upload = context.openJobs().claim(id);
        if (upload.isEmpty()) {
            if (context.printer().job(id).isPresent() || context.openJobs().find(id).isPresent()) {
                throw IppException.notPossible("job " + id + " is not waiting for a document");
            }
            throw IppException.notFound("no job " + id);
        }
        JobUpload claimed = upload.get();
        String name = request.string("document-name").orElse(claimed.header().name());
        String declared = format == null || format.equals(IppFormats.OCTET_STREAM) ? null : format;
        return new Plan(request, new SpoolSink(context.printer(), claimed, declared, name), id);
    }

    IppPacket succeeded(Plan plan, JobInfo job) {
        if (plan.openJobId() != null) {
            context.openJobs().finished(plan.openJobId(), null, null, context.clock().instant());
        }
        LOG.info("job {} queued over IPP: {} ({} bytes, {} pages) from {}", job.id(), job.name(), job.size(),
                job.pages(), job.user());
        return IppResponses.ok(plan.request(), List.of(AttributeGroup.groupOf(Tag.jobAttributes,
                JobAttributes.created(job, plan.request().peer().authority(), context.printer().status()))));
    }

    IppPacket failed(Plan plan, Throwable error) {
        if (plan.openJobId() != null) {
            context.openJobs().finished(plan.openJobId(), JobStatus.ABORTED, "its document was lost: "
                    + error.getMessage(), context.clock().instant());
        }
        IppRequest request = plan.request();
        IppException refusal;
        if (error instanceof DocumentTooLargeException) {
            refusal = new IppException(Status.clientErrorRequestEntityTooLarge, error.getMessage());
        } else if (error instanceof DocumentAbandonedException) {
            refusal = new IppException(Status.clientErrorBadRequest, error.getMessage());
        } else if (error instanceof SpoolFullException) {
            refusal = new IppException(Status.serverErrorBusy, "the spool is full; try again later");
        } else {
            LOG.error("an IPP document could not be stored", error);
            refusal = new IppException(Status.serverErrorInternalError, "the document could not be stored: "
                    + error.getMessage());
        }
        LOG.warn("IPP {} from {} refused: {}", request.operation() == IppOperationCodes.PRINT_JOB
                ? "Print-Job" : "Send-Document", request.user(), refusal.getMessage());
        return IppResponses.error(request.version(), request.requestId(), refusal);
    }
}
