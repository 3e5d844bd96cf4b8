package io.paperjam.spool;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and retention rules of a spool.
 *
 * @param quotaBytes     most bytes that queued and active jobs (and uploads in flight) may hold
 * @param quotaJobs      most queued and active jobs (and uploads in flight)
 * @param retainDoneJobs most done jobs kept with their documents; older ones move to history, in batches: after
 *                       a finish up to an eighth more may stay until the next batch ({@link Spool#prune()} prunes
 *                       to the exact limit)
 * @param retainDoneAge  done jobs finished longer ago than this move to history
 * @param clock          the clock for arrival times, updates and retention
 * @param journalMaxBytes jobs that declare a size up to this many bytes are committed through the journal
 *                        (one fsync shared by concurrent commits); 0 = no journal, every job takes the file path
 */
public record SpoolSettings(long quotaBytes, int quotaJobs, int retainDoneJobs, Duration retainDoneAge, Clock clock,
                            long journalMaxBytes) {

    /** The journal's default size limit for one job (64 KiB). */
    public static final long DEFAULT_JOURNAL_MAX_BYTES = 64 << 10;
    /** No journaled job may be larger than this (16 MiB): it is held in memory until written to queue/. */
    public static final long MAX_JOURNAL_MAX_BYTES = 16 << 20;

    public SpoolSettings {
        if (quotaBytes < 0 || quotaJobs < 0 || retainDoneJobs < 0) {
            throw new IllegalArgumentException("quotas and retention counts must not be negative");
        }
        Objects.requireNonNull(retainDoneAge, "retainDoneAge");
        if (retainDoneAge.isNegative()) {
            throw new IllegalArgumentException("retainDoneAge must not be negative: " + retainDoneAge);
        }
        Objects.requireNonNull(clock, "clock");
        if (journalMaxBytes < 0 || journalMaxBytes > MAX_JOURNAL_MAX_BYTES) {
            throw new IllegalArgumentException("journalMaxBytes must be 0 (off) to " + MAX_JOURNAL_MAX_BYTES
                    + ": " + journalMaxBytes);
        }
    }

    /** Settings with the default journal limit. */
    public SpoolSettings(long quotaBytes, int quotaJobs, int retainDoneJobs, Duration retainDoneAge, Clock clock) {
        this(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, DEFAULT_JOURNAL_MAX_BYTES);
    }

    /** 10 GiB, 10,000 jobs, keep 1,000 done jobs for at most 7 days, system UTC clock, journal jobs up to 64 KiB. */
    public static SpoolSettings defaults() {
        return new SpoolSettings(10L << 30, 10_000, 1_000, Duration.ofDays(7), Clock.systemUTC());
    }

    public SpoolSettings withQuotaBytes(long newQuotaBytes) {
        return new SpoolSettings(newQuotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, journalMaxBytes);
    }

    public SpoolSettings withQuotaJobs(int newQuotaJobs) {
        return new SpoolSettings(quotaBytes, newQuotaJobs, retainDoneJobs, retainDoneAge, clock, journalMaxBytes);
    }

    public SpoolSettings withRetainDoneJobs(int newRetainDoneJobs) {
        return new SpoolSettings(quotaBytes, quotaJobs, newRetainDoneJobs, retainDoneAge, clock, journalMaxBytes);
    }

    public SpoolSettings withRetainDoneAge(Duration newRetainDoneAge) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, newRetainDoneAge, clock, journalMaxBytes);
    }

    public SpoolSettings withClock(Clock newClock) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, newClock, journalMaxBytes);
    }

    /** 0 turns the journal off. */
    public SpoolSettings withJournalMaxBytes(long newJournalMaxBytes) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, newJournalMaxBytes);
    }
}
