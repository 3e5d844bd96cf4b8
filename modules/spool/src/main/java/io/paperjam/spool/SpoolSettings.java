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
 * @param closeDrain      how long a clean close keeps writing journaled jobs out to queue/; what is left after
 *                        it stays in journal/, safe, and the next open queues it at once
 */
public record SpoolSettings(long quotaBytes, int quotaJobs, int retainDoneJobs, Duration retainDoneAge, Clock clock,
                            long journalMaxBytes, Duration closeDrain) {

    /** The journal's default size limit for one job (64 KiB). */
    public static final long DEFAULT_JOURNAL_MAX_BYTES = 64 << 10;
    /** No journaled job may be larger than this (16 MiB): it is held in memory until written to queue/. */
    public static final long MAX_JOURNAL_MAX_BYTES = 16 << 20;
    /** The default {@link #closeDrain()}: a stop after a burst does not wait for every job's files. */
    public static final Duration DEFAULT_CLOSE_DRAIN = Duration.ofSeconds(5);
    /** The longest {@link #closeDrain()}: a stop should end within the hour whatever the backlog. */
    public static final Duration MAX_CLOSE_DRAIN = Duration.ofHours(1);

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
        Objects.requireNonNull(closeDrain, "closeDrain");
        if (closeDrain.isNegative() || closeDrain.compareTo(MAX_CLOSE_DRAIN) > 0) {
            throw new IllegalArgumentException("the close drain must be 0s to " + MAX_CLOSE_DRAIN.toMinutes()
                    + "m: " + closeDrain.toSeconds() + "s");
        }
    }

    /** Settings with the default journal limit and close drain. */
    public SpoolSettings(long quotaBytes, int quotaJobs, int retainDoneJobs, Duration retainDoneAge, Clock clock) {
        this(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, DEFAULT_JOURNAL_MAX_BYTES, DEFAULT_CLOSE_DRAIN);
    }

    /** 10 GiB, 10,000 jobs, keep 1,000 done jobs for at most 7 days, system UTC clock, journal jobs up to 64 KiB. */
    public static SpoolSettings defaults() {
        return new SpoolSettings(10L << 30, 10_000, 1_000, Duration.ofDays(7), Clock.systemUTC());
    }

    public SpoolSettings withQuotaBytes(long newQuotaBytes) {
        return new SpoolSettings(newQuotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, journalMaxBytes, closeDrain);
    }

    public SpoolSettings withQuotaJobs(int newQuotaJobs) {
        return new SpoolSettings(quotaBytes, newQuotaJobs, retainDoneJobs, retainDoneAge, clock, journalMaxBytes, closeDrain);
    }

    public SpoolSettings withRetainDoneJobs(int newRetainDoneJobs) {
        return new SpoolSettings(quotaBytes, quotaJobs, newRetainDoneJobs, retainDoneAge, clock, journalMaxBytes, closeDrain);
    }

    public SpoolSettings withRetainDoneAge(Duration newRetainDoneAge) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, newRetainDoneAge, clock, journalMaxBytes, closeDrain);
    }

    public SpoolSettings withClock(Clock newClock) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, newClock, journalMaxBytes, closeDrain);
    }

    /** 0 turns the journal off. */
    public SpoolSettings withJournalMaxBytes(long newJournalMaxBytes) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, newJournalMaxBytes, closeDrain);
    }

    public SpoolSettings withCloseDrain(Duration newCloseDrain) {
        return new SpoolSettings(quotaBytes, quotaJobs, retainDoneJobs, retainDoneAge, clock, journalMaxBytes, newCloseDrain);
    }
}
