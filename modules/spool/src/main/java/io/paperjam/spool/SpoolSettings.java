package io.paperjam.spool;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and retention rules of a spool.
 *
 * @param quotaBytes     most bytes that queued and active jobs (and uploads in flight) may hold
 * @param quotaJobs      most queued and active jobs (and uploads in flight)
 * @param retainDoneJobs most done jobs kept with their documents; older ones move to history
 * @param retainDoneAge  done jobs finished longer ago than this move to history
 * @param clock          the clock for arrival times, updates and retention
 */
public record SpoolSettings(long quotaBytes, int quotaJobs, int retainDoneJobs, Duration retainDoneAge, Clock clock) {

    public SpoolSettings {
        if (quotaBytes < 0 || quotaJobs < 0 || retainDoneJobs < 0) {
            throw new IllegalArgumentException("quotas and retention counts must not be negative");
        }
        Objects.requireNonNull(retainDoneAge, "retainDoneAge");
        if (retainDoneAge.isNegative()) {
            throw new IllegalArgumentException("retainDoneAge must not be negative: " + retainDoneAge);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** 10 GiB, 10,000 jobs, keep 1,000 done jobs for at most 7 days, system UTC clock. */
    public static SpoolSettings defaults() {
        return new SpoolSettings(10L << 30, 10_000, 1_000, Duration.ofDays(7), Clock.systemUTC());
    }

    public SpoolSettings withQuotaBytes(long newQuotaBytes) {
        return new SpoolSettings(newQuotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock);
    }

    public SpoolSettings withQuotaJobs(int newQuotaJobs) {
        return new SpoolSettings(quotaBytes, newQuotaJobs, retainDoneJobs, retainDoneAge, clock);
    }

    public SpoolSettings withRetainDoneJobs(int newRetainDoneJobs) {
        return new SpoolSettings(quotaBytes, quotaJobs, newRetainDoneJobs, retainDoneAge, clock);
    }

    public SpoolSettings withRetainDoneAge(Duration newRetainDoneAge) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, newRetainDoneAge, clock);
    }

    public SpoolSettings withClock(Clock newClock) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, newClock);
    }
}
