package io.paperjam.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a spool folder left by a crash back to a consistent state at open: afterwards every job has exactly
 * one control file and one data file in the same state folder, nothing is active, tmp/ is empty, and
 * everything damaged sits in corrupt/ (moved, never deleted) with a WARN line.
 *
 * <p>Rules, applied in this order:
 * <ol>
 * <li>A control file that cannot be decoded is quarantined with its data file.</li>
 * <li>A control file whose id is already in history is the rest of an interrupted prune: its files are deleted.</li>
 * <li>A data file follows its control file: if it sits in another state folder (a crash between the two
 *     renames of a state change) it is moved back; if it is still in tmp/ it is moved in.</li>
 * <li>A control file without a data file, or whose data file has the wrong size, is quarantined.</li>
 * <li>A data file without a control file is the rest of a commit that never reached its commit point
 *     (its control file is still in tmp/, or its job waits in the journal to be written again) and is
 *     deleted; otherwise it is an orphan and is quarantined.</li>
 * <li>A queued or active control file that carries an outcome is a finish that did not complete: it moves to done/.</li>
 * <li>An active job goes back to the queue, keeping the page it reached.</li>
 * <li>tmp/ is emptied.</li>
 * </ol>
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** The jobs found, in their final state, and the largest id named by any file. */
    record Result(List<JobRecord> jobs, long maxIdSeen) {
    }

    private final SpoolDisk disk;
    private final History history;
    private final Transitions transitions;
    private final Instant now;
    private final Set<Long> journaled;

    /** {@code journaled}: the jobs replay left in the journal, whose files the materialiser writes afresh. */
    Recovery(SpoolDisk disk, History history, Instant now, List<JobRecord> journaled) {
        this.disk = disk;
        this.history = history;
        this.transitions = new Transitions(disk);
        this.now = now;
        this.journaled = new HashSet<>();
        journaled.forEach(job -> this.journaled.add(job.id()));
    }

    Result run() throws IOException {
        SpoolLayout layout = disk.layout;
        FolderScan scan = FolderScan.of(layout);
        Map<Long, Found> jobs = new HashMap<>();   // sorted once, at the end
        for (Map.Entry<Long, List<FolderScan.Entry>> e : scan.controls.entrySet()) {
            Found found = readControls(e.getKey(), e.getValue(), scan);
            if (found != null) {
                jobs.put(e.getKey(), found);
            }
        }
        for (Map.Entry<Long, List<FolderScan.Entry>> e : scan.data.entrySet()) {
            long id = e.getKey();
            for (FolderScan.Entry data : e.getValue()) {
                Found owner = jobs.get(id);
                if (owner != null && owner.folder() == data.state()) {
                    continue;
                }
                if (owner != null && Files.notExists(layout.data(owner.folder(), id))) {
                    LOG.info("job {}: data file found in {}/ follows its control file to {}/", id,
                            data.state().folder(), owner.folder().folder());
                    disk.files.move(data.path(), layout.data(owner.folder(), id), false);
                } else if (owner == null && (scan.tmpControls.containsKey(id) || journaled.contains(id))) {
                    LOG.info("job {}: removing the data file of a commit interrupted before its commit point", id);
                    disk.files.deleteIfExists(data.path());
                } else if (owner == null && history.contains(id)) {
                    LOG.info("job {}: finishing an interrupted prune", id);
                    disk.files.deleteIfExists(data.path());
                } else {
                    quarantine(data.path(), "data file without a control file (orphan)");
                }
            }
        }
        List<JobRecord> result = new ArrayList<>();
        for (Found found : jobs.values()) {
            JobRecord settled = settle(found, scan);
            if (settled != null) {
                result.add(settled);
            }
        }
        sweepTmp(scan);
        for (JobState state : JobState.values()) {
            disk.syncDir(layout.folder(state));
        }
        disk.syncDir(layout.corrupt());
        result.sort(Comparator.comparingLong(JobRecord::id));
        return new Result(result, scan.maxId);
    }

    /** Decodes the control file(s) of one id; quarantines the unreadable ones; null if none survives. */
    private Found readControls(long id, List<FolderScan.Entry> entries, FolderScan scan) throws IOException {
        Found best = null;
        for (FolderScan.Entry entry : entries) {
            JobRecord job;
            try {
                job = ControlCodec.decodeStored(Files.readAllBytes(entry.path()), entry.state());
                if (job.id() != id) {
                    throw new ControlCodec.CorruptControlException("it names job " + job.id());
                }
            } catch (ControlCodec.CorruptControlException e) {
                quarantine(entry.path(), "unreadable control file: " + e.getMessage());
                Path data = scan.dataIn(id, entry.state());
                if (data != null && entries.size() == 1) {
                    quarantine(data, "data file of an unreadable control file");
                    scan.data.remove(id);
                }
                continue;
            }
            if (history.contains(id)) {
                LOG.info("job {}: finishing an interrupted prune", id);
                Path data = scan.dataIn(id, entry.state());
                if (data != null) {
                    disk.files.deleteIfExists(data);
                }
                disk.files.deleteIfExists(entry.path());
                scan.data.remove(id);
                continue;
            }
            Found found = new Found(job, entry.state());
            if (best == null) {
                best = found;
            } else {
                Found loser = found.folder().ordinal() > best.folder().ordinal() ? best : found;
                best = loser == best ? found : best;
                quarantine(disk.layout.control(loser.folder(), id), "second control file of job " + id);
            }
        }
        return best;
    }

    /** A decoded control file and the folder it sits in (its state, unless it is an interrupted finish). */
    private record Found(JobRecord job, JobState folder) {
    }

    /** Checks the data file, rolls interrupted finishes forward and requeues active jobs; null if quarantined. */
    private JobRecord settle(Found found, FolderScan scan) throws IOException {
        SpoolLayout layout = disk.layout;
        JobRecord job = found.job();
        JobState folder = found.folder();
        long id = job.id();
        Path data = layout.data(folder, id);
        if (scan.dataIn(id, folder) != null) {
            return settlePresent(found, data); // the scan saw it there: no need to ask the file system again
        }
        if (Files.notExists(data) && scan.tmpData.containsKey(id)) {
            LOG.info("job {}: moving its data file in from tmp/ (crash between the two renames of its commit)", id);
            disk.files.move(scan.tmpData.get(id), data, false);
        }
        if (Files.notExists(data)) {
            quarantine(layout.control(folder, id), "control file without a data file");
            return null;
        }
        return settlePresent(found, data);
    }

    /** Checks the size of a data file that is there, rolls an interrupted finish forward, requeues active jobs. */
    private JobRecord settlePresent(Found found, Path data) throws IOException {
        SpoolLayout layout = disk.layout;
        JobRecord job = found.job();
        JobState folder = found.folder();
        long id = job.id();
        long size = Files.size(data);
        if (size != job.size()) {
            quarantine(layout.control(folder, id), "data file has " + size + " bytes, control file says " + job.size());
            quarantine(data, "data file of a control file with another size");
            return null;
        }
        if (job.state() == JobState.DONE && folder != JobState.DONE) {
            LOG.info("job {}: completing an interrupted finish ({})", id, job.outcome());
            transitions.move(id, folder, JobState.DONE);
            return job;
        }
        if (job.state() == JobState.ACTIVE) {
            JobRecord queued = job.withState(JobState.QUEUED, now);
            transitions.apply(job, queued);
            LOG.info("job {} was active at the last stop; back in the queue, resuming after page {}", id, job.pagesDone());
            return queued;
        }
        return job;
    }

    private void sweepTmp(FolderScan scan) throws IOException {
        int swept = 0;
        for (Path leftover : scan.tmp) {
            if (Files.notExists(leftover)) {
                continue; // moved in above
            }
            if (Files.isDirectory(leftover)) {
                LOG.warn("leaving unexpected folder {} in tmp/ alone", leftover);
                continue;
            }
            disk.files.deleteIfExists(leftover);
            swept++;
        }
        if (swept > 0) {
            LOG.info("swept {} partial upload file(s) from {}", swept, disk.layout.tmp());
            disk.syncDir(disk.layout.tmp());
        }
    }

    private void quarantine(Path file, String why) throws IOException {
        Path moved = disk.quarantine(file);
        LOG.warn("moved {} to {}: {}", file, moved, why);
    }

}
