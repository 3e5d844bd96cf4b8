package io.paperjam.server.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.SpoolFullException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Get-Jobs, Get-Job-Attributes, Cancel-Job and Create-Job (RFC 8011 sections 4.2.4, 4.2.6, 4.3.3, 4.3.4). */
final class JobOperations {

    /** Most jobs one Get-Jobs lists, whatever its limit. */
    static final int MAX_JOBS_LISTED = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(JobOperations.class);
    private static final List<JobStatus> COMPLETED = List.of(JobStatus.COMPLETED, JobStatus.CANCELED, JobStatus.ABORTED);
    private static final Set<String> WHICH_JOBS = Set.of("completed", "not-completed", "all");

    private final IppContext context;

    JobOperations(IppContext context) {
        this.context = context;
    }

    IppPacket getJobs(IppRequest request) throws IppException {
        String which = request.string("which-jobs").orElse("not-completed");
        if (!WHICH_JOBS.contains(which)) {
            throw new IppException(Status.clientErrorAttributesOrValuesNotSupported,
                    "which-jobs " + which + " is not supported", List.of(request.attribute("which-jobs").get()));
        }
        int limit = request.integer("limit").orElse(MAX_JOBS_LISTED);
        if (limit < 1) {
            throw IppException.badRequest("limit must be at least 1");
        }
        boolean myJobs = request.bool("my-jobs").orElse(false);
        List<JobInfo> jobs = new ArrayList<>();
        if (!which.equals("completed")) {
            jobs.addAll(sorted(context.printer().jobs(null, MAX_JOBS_LISTED), false));
            jobs.addAll(context.openJobs().list(false));
        }
        if (!which.equals("not-completed")) {
            List<JobInfo> done = new ArrayList<>(context.printer().jobs(COMPLETED, MAX_JOBS_LISTED));
            done.addAll(context.openJobs().list(true));
            jobs.addAll(sorted(done, true));
        }
        RequestedAttributes wanted = RequestedAttributes.of(request, JobAttributes.GET_JOBS_DEFAULT);
        PrinterInfo printer = context.printer().status();
        List<AttributeGroup> groups = new ArrayList<>();
        for (JobInfo job : jobs) {
            if (groups.size() >= Math.min(limit, MAX_JOBS_LISTED)) {
                break;
            }
            if (!myJobs || request.user().equals(job.user())) {
                groups.add(AttributeGroup.groupOf(Tag.jobAttributes,
                        JobAttributes.build(job, request.peer().authority(), context.upTime(), printer, wanted)));
            }
        }
        return IppResponses.ok(request, groups);
    }

    IppPacket getJobAttributes(IppRequest request) throws IppException {
        JobInfo job = find(jobId(request));
        RequestedAttributes wanted = RequestedAttributes.of(request, Set.of(RequestedAttributes.ALL));
        return IppResponses.ok(request, List.of(AttributeGroup.groupOf(Tag.jobAttributes,
                JobAttributes.build(job, request.peer().authority(), context.upTime(), context.printer().status(),
                        wanted))));
    }

    IppPacket cancelJob(IppRequest request) throws IppException {
        long id = jobId(request);
        JobInfo job = find(id);
        if (!request.user().equals(job.user())) {
            IppAdmin.require(request, context.settings(), "Cancelling another user's job");
        }
        Optional<JobUpload> open = context.openJobs().cancel(id, context.clock().instant());
        if (open.isPresent()) {
            open.get().abort();
            LOG.info("job {} canceled over IPP before its document arrived", id);
            return IppResponses.ok(request, List.of());
        }
        try {
            context.printer().cancel(id);
        } catch (ProtocolException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw IppException.notFound("no job " + id);
            }
            throw IppException.notPossible("job " + id + " cannot be canceled: " + e.getMessage());
        }
        LOG.info("job {} canceled over IPP by {}", id, request.user());
        return IppResponses.ok(request, List.of());
    }

    IppPacket createJob(IppRequest request) throws IppException {
        String format = JobTemplateCheck.check(request, context.printer());
        if (!context.openJobs().hasRoom()) {
            throw new IppException(Status.serverErrorBusy, "too many jobs are waiting for their documents");
        }
        JobHeader header = new JobHeader(JobTemplateCheck.jobName(request), format, JobTemplateCheck.copies(request),
                null, request.user(), -1, null);
        JobUpload upload;
        try {
            upload = context.spool().begin(header);
        } catch (SpoolFullException e) {
            throw new IppException(Status.serverErrorBusy, "the spool is full; try again later");
        } catch (IOException e) {
            LOG.error("could not start a job in the spool", e);
            throw new IppException(Status.serverErrorInternalError, "the spool failed; see the server log");
        }
        JobInfo job = context.openJobs().add(upload, format, context.clock().instant());
        LOG.info("job {} created over IPP by {}; waiting for Send-Document", job.id(), request.user());
        return IppResponses.ok(request, List.of(AttributeGroup.groupOf(Tag.jobAttributes,
                JobAttributes.created(job, request.peer().authority(), context.printer().status()))));
    }

    /** The job a job operation targets: job-uri, else printer-uri plus job-id. */
    static long jobId(IppRequest request) throws IppException {
        Optional<String> uri = request.string("job-uri");
        if (uri.isPresent()) {
            return IppUris.jobId(uri.get());
        }
        int id = request.integer("job-id").orElseThrow(() -> IppException.badRequest("job-id is missing"));
        if (id < 1) {
            throw IppException.badRequest("job-id must be greater than zero");
        }
        return id;
    }

    JobInfo find(long id) throws IppException {
        Optional<JobInfo> open = context.openJobs().find(id);
        if (open.isPresent()) {
            return open.get();
        }
        return context.printer().job(id).orElseThrow(() -> IppException.notFound("no job " + id));
    }

    /** Not completed: oldest first, the order they print in. Completed: newest first, as CUPS lists them. */
    private static List<JobInfo> sorted(List<JobInfo> jobs, boolean newestFirst) {
        Comparator<JobInfo> byId = Comparator.comparingLong(JobInfo::id);
        return jobs.stream().sorted(newestFirst ? byId.reversed() : byId).toList();
    }
}
