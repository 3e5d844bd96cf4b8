package io.paperjam.spool;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SpoolInspector} found in a spool folder.
 *
 * @param root                   the folder inspected
 * @param jobs                   queued, active and done jobs by id
 * @param anomalies              orphans, corrupt control files, tmp leftovers, quarantined files
 * @param ownedByRunningProcess  true if a process holds the spool's lock right now
 * @param owner                  the holder recorded in the lock file (e.g. "pid 4242 on host h"), or null
 */
public record SpoolReport(Path root, List<InspectedJob> jobs, List<Anomaly> anomalies,
                          boolean ownedByRunningProcess, String owner) {

    public SpoolReport {
        jobs = List.copyOf(jobs);
        anomalies = List.copyOf(anomalies);
    }
}
