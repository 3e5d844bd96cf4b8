package io.paperjam.server.core;

/**
 * When the page a job reached is made durable. At a real speed every page is (a restart reprints
 * none); when printing instantly, at most every {@link #INSTANT_EVERY_PAGES} pages or
 * {@link #INSTANT_EVERY_NANOS}, so after a crash up to that many pages print again (at least
 * once). A stop, cancel, completion or shutdown is always recorded.
 */
final class ProgressPolicy {

    /** Most pages an instant printer prints between durable progress records. */
    static final int INSTANT_EVERY_PAGES = 64;
    /** Longest time an instant printer goes between durable progress records. */
    static final long INSTANT_EVERY_NANOS = 250_000_000L;

    private final boolean instant;

    ProgressPolicy(boolean instant) {
        this.instant = instant;
    }

    boolean due(PrintingJob job, long nowNanos) {
        if (!instant) {
            return true;
        }
        return job.pagesDone - job.persistedPages >= INSTANT_EVERY_PAGES
                || nowNanos - job.persistedAtNanos >= INSTANT_EVERY_NANOS;
    }
}
