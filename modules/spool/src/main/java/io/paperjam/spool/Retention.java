package io.paperjam.spool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which done jobs retention prunes: every one finished before now minus the age limit, and the
 * oldest ones beyond the count limit; a pure function, so it is tested without a disk.
 */
final class Retention {

    private Retention() {
    }

    static List<JobRecord> select(Collection<JobRecord> jobs, SpoolSettings settings, Instant now) {
        List<JobRecord> done = new ArrayList<>();
        for (JobRecord job : jobs) {
            if (job.state() == JobState.DONE) {
                done.add(job);
            }
        }
        done.sort(Comparator.comparing(JobRecord::updated).thenComparingLong(JobRecord::id));
        Instant cutoff = now.minus(settings.retainDoneAge());
        int excess = done.size() - settings.retainDoneJobs();
        List<JobRecord> victims = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            JobRecord job = done.get(i);
            if (i < excess || job.updated().isBefore(cutoff)) {
                victims.add(job);
            }
        }
        return victims;
    }
}
