package io.paperjam.server.ipp;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.spool.JobUpload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs made by Create-Job that still wait for their Send-Document: each holds a spool upload (so its
 * id is the id the job will keep), and is aborted if its document does not come in time. Also
 * remembers the last few that ended before they had a document (canceled or timed out), since the
 * spool never knew them. Thread-safe.
 */
final class OpenJobs {

    /** How many ended open jobs stay visible to Get-Jobs and Get-Job-Attributes. */
    static final int ENDED_MEMORY = 100;

    private static final class Entry {
        final JobUpload upload;
        final JobInfo info;
        boolean claimed;

        Entry(JobUpload upload, JobInfo info) {
            this.upload = upload;
            this.info = info;
        }
    }

    private final int limit;
    private final Duration timeout;
    private final Map<Long, Entry> open = new LinkedHashMap<>();
    private final Deque<JobInfo> ended = new ArrayDeque<>();

    OpenJobs(int limit, Duration timeout) {
        this.limit = limit;
        this.timeout = timeout;
    }

    synchronized boolean hasRoom() {
        return open.size() < limit;
    }

    synchronized int size() {
        return open.size();
    }

    /** Records a created job; its view shows pending-held with job-incoming. */
    synchronized JobInfo add(JobUpload upload, String format, Instant now) {
        JobInfo info = new JobInfo(upload.id(), upload.header().name(), upload.header().user(), format,
                JobStatus.PENDING_HELD, IppStates.JOB_INCOMING, 0, null, upload.header().copies(), null, 0, now, now);
        open.put(upload.id(), new Entry(upload, info));
        return info;
    }

    /** Hands the upload of job {@code id} to one Send-Document; empty if no such open job. */
    synchronized Optional<JobUpload> claim(long id) throws IppException {
        Entry entry = open.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.claimed) {
            throw IppException.notPossible("job " + id + " is already receiving its document");
        }
        entry.claimed = true;
        return Optional.of(entry.upload);
    }

    /** The Send-Document that claimed job {@code id} is over: the job committed or was aborted. */
    synchronized void finished(long id, JobStatus endState, String reason, Instant now) {
        Entry entry = open.remove(id);
        if (entry != null && endState != null) {
            remember(entry.info, endState, reason, now);
        }
    }

    /** Cancels an open job not currently receiving; returns its upload for the caller to abort. */
    synchronized Optional<JobUpload> cancel(long id, Instant now) throws IppException {
        Entry entry = open.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.claimed) {
            throw IppException.notPossible("job " + id + " is receiving its document; cancel it once it is queued");
        }
        open.remove(id);
        remember(entry.info, JobStatus.CANCELED, "canceled-by-user", now);
        return Optional.of(entry.upload);
    }

    /** Removes open jobs created longer than the timeout ago; returns their uploads to abort. */
    synchronized List<JobUpload> expire(Instant now) {
        List<JobUpload> expired = new ArrayList<>();
        open.values().removeIf(entry -> {
            boolean stale = !entry.claimed && entry.info.submitted().plus(timeout).isBefore(now);
            if (stale) {
                remember(entry.info, JobStatus.ABORTED, "no document within multiple-operation-time-out", now);
                expired.add(entry.upload);
            }
            return stale;
        });
        return expired;
    }

    /**
     * Removes every open job (the door is closing); returns the uploads to abort: those not claimed,
     * since a claimed one belongs to its Send-Document, which commits or aborts it.
     */
    synchronized List<JobUpload> closeAll() {
        List<JobUpload> all = open.values().stream().filter(e -> !e.claimed).map(e -> e.upload).toList();
        open.clear();
        return all;
    }

    synchronized Optional<JobInfo> find(long id) {
        Entry entry = open.get(id);
        if (entry != null) {
            return Optional.of(entry.info);
        }
        return ended.stream().filter(j -> j.id() == id).findFirst();
    }

    /** Open jobs (not completed) or the remembered ended ones (completed). */
    synchronized List<JobInfo> list(boolean completed) {
        return completed ? List.copyOf(ended) : open.values().stream().map(e -> e.info).toList();
    }

    private void remember(JobInfo info, JobStatus state, String reason, Instant now) {
        ended.addFirst(new JobInfo(info.id(), info.name(), info.user(), info.format(), state, reason, 0, null,
                info.copies(), null, 0, info.submitted(), now));
        while (ended.size() > ENDED_MEMORY) {
            ended.removeLast();
        }
    }
}
