package io.paperjam.spool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * The spool's in-memory view of its queued, active and done jobs, by id, with the ids of the queued and of
 * the done jobs kept apart in order, so that the oldest queued job is found in O(log n) and retention looks
 * at done jobs only, however many jobs wait (a fast intake can queue tens of thousands).
 *
 * <p>Thread-safe. Each job's changes come from one thread at a time (the spool's stripe of that id); a
 * reader racing a change may see a job's record and its folder set a moment apart, so lookups through the
 * sets check the record's state again.
 */
final class JobIndex {

    private final ConcurrentSkipListMap<Long, JobRecord> jobs = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListSet<Long> queued = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<Long> done = new ConcurrentSkipListSet<>();

    /** Records the job's latest state, moving its id between the queued and done sets as needed. */
    void put(JobRecord job) {
        long id = job.id();
        jobs.put(id, job);
        if (job.state() == JobState.QUEUED) {
            queued.add(id);
        } else {
            queued.remove(id);
        }
        if (job.state() == JobState.DONE) {
            done.add(id);
        } else {
            done.remove(id);
        }
    }

    void remove(long id) {
        jobs.remove(id);
        queued.remove(id);
        done.remove(id);
    }

    JobRecord get(long id) {
        return jobs.get(id);
    }

    /** Every job, by id. */
    Collection<JobRecord> all() {
        return jobs.values();
    }

    /** The oldest queued job that {@code wanted} accepts; skips only the queued jobs it refuses. */
    Optional<JobRecord> firstQueued(Predicate<JobRecord> wanted) {
        for (Long id : queued) {
            JobRecord job = jobs.get(id);
            if (job != null && job.state() == JobState.QUEUED && wanted.test(job)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** Queued jobs, by id. */
    List<JobRecord> queued() {
        return inState(queued, JobState.QUEUED);
    }

    /** Done jobs (completed, canceled, aborted) still in the spool, by id. */
    List<JobRecord> done() {
        return inState(done, JobState.DONE);
    }

    private List<JobRecord> inState(Collection<Long> ids, JobState state) {
        List<JobRecord> found = new ArrayList<>(ids.size());
        for (Long id : ids) {
            JobRecord job = jobs.get(id);
            if (job != null && job.state() == state) {
                found.add(job);
            }
        }
        return found;
    }
}
