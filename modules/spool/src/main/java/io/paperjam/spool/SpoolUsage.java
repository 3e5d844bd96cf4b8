package io.paperjam.spool;

/**
 * What counts against the spool quota: bytes and jobs of queued and active jobs plus uploads in flight.
 *
 * @param bytes      bytes held by queued and active jobs, plus bytes reserved by uploads not yet committed
 * @param jobs       queued and active jobs, plus uploads not yet committed
 * @param quotaBytes the byte limit
 * @param quotaJobs  the job limit
 */
public record SpoolUsage(long bytes, int jobs, long quotaBytes, int quotaJobs) {
}
