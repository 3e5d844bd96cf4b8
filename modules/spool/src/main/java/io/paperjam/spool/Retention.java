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

    /** How far past the count limit a finish lets done jobs go before it prunes (an eighth of the limit). */
    static final int SLACK_DIVISOR = 8;

    private Retention() {
    }

    /** Jobs over the count limit that a finish leaves for a later batch: none for a limit below 8. */
    static int slack(SpoolSettings settings) {
        return settings.retainDoneJobs() / SLACK_DIVISOR;
    }

    /** True if one of the selected jobs is over the age limit (and so must go now, not with a later batch). */
    static boolean anyExpired(List<JobRecord> victims, SpoolSettings settings, Instant now) {
        Instant cutoff = now.minus(settings.retainDoneAge());
        for (JobRecord job : victims) {
            if (job.updated().isBefore(cutoff)) {
                return true;
            }
        }
        return false;
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
