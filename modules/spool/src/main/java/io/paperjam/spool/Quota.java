package io.paperjam.spool;

/**
 * Keeps the bytes and jobs of queued and active jobs plus uploads in flight within the spool's limits;
 * a reservation that would cross a limit is refused whole.
 */
final class Quota {

    private final long quotaBytes;
    private final int quotaJobs;
    private long bytes;
    private int jobs;

    Quota(long quotaBytes, int quotaJobs) {
        this.quotaBytes = quotaBytes;
        this.quotaJobs = quotaJobs;
    }

    /** Reserves or throws {@link SpoolFullException}, changing nothing. */
    synchronized void reserve(long moreBytes, int moreJobs) throws SpoolFullException {
        if (moreJobs > 0 && jobs + moreJobs > quotaJobs) {
            throw new SpoolFullException("spool full: " + jobs + " of " + quotaJobs + " jobs are queued, active or uploading");
        }
        if (moreBytes > 0 && bytes + moreBytes > quotaBytes) {
            throw new SpoolFullException("spool full: " + bytes + " of " + quotaBytes + " bytes in use; "
                    + moreBytes + " more would exceed the quota");
        }
        bytes += moreBytes;
        jobs += moreJobs;
    }

    /** Counts what is already on disk (recovery), even beyond the limits. */
    synchronized void force(long moreBytes, int moreJobs) {
        bytes += moreBytes;
        jobs += moreJobs;
    }

    synchronized void release(long lessBytes, int lessJobs) {
        bytes = Math.max(0, bytes - lessBytes);
        jobs = Math.max(0, jobs - lessJobs);
    }

    synchronized SpoolUsage usage() {
        return new SpoolUsage(bytes, jobs, quotaBytes, quotaJobs);
    }
}
