package io.paperjam.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a spool folder without owning or changing it, while a server owns it or when none runs, and
 * reports every job and every anomaly (orphans, corrupt control files, tmp leftovers, quarantined files,
 * damaged journal records). Jobs acknowledged but still only in {@code journal/} are listed as queued with
 * the note "journaled".
 *
 * <p>It never creates, writes, renames or deletes a file. To learn whether a process owns the spool it takes
 * a shared lock on {@code lock} for an instant (if that file exists). While a server runs, a job may move
 * between listing and reading; such a job is skipped or reported in the folder it was listed in.
 */
public final class SpoolInspector {

    private SpoolInspector() {
    }

    public static SpoolReport inspect(Path dir) throws IOException {
        return inspect(dir, Instant.now());
    }

    /** As {@link #inspect(Path)}, computing ages against {@code now}. */
    public static SpoolReport inspect(Path dir, Instant now) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such spool folder");
        }
        SpoolLayout layout = new SpoolLayout(root);
        if (!Files.isRegularFile(layout.marker()) && !Files.isDirectory(layout.folder(JobState.QUEUED))) {
            throw new NotASpoolException(root + " is not a paperjam spool (no " + SpoolLayout.MARKER + " marker, no queue/)");
        }
        Optional<String> owner = SpoolLock.probe(root, layout.lock());
        boolean owned = owner.isPresent();
        FolderScan scan = FolderScan.of(layout);
        List<InspectedJob> jobs = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (Map.Entry<Long, List<FolderScan.Entry>> e : new TreeMap<>(scan.controls).entrySet()) {
            long id = e.getKey();
            for (FolderScan.Entry control : e.getValue()) {
                JobRecord job;
                try {
                    job = ControlCodec.decodeStored(Files.readAllBytes(control.path()), control.state());
                } catch (NoSuchFileException moved) {
                    continue;
                } catch (ControlCodec.CorruptControlException corrupt) {
                    anomalies.add(new Anomaly(Anomaly.CORRUPT_CONTROL, control.path(),
                            "unreadable control file: " + corrupt.getMessage()));
                    continue;
                }
                jobs.add(new InspectedJob(id, job.header().name(), job.state(), job.size(), job.sha256(),
                        job.arrived(), Duration.between(job.arrived(), now), job.pagesDone(), job.outcome(), job.reason()));
                checkData(scan, control, job, owned, anomalies);
            }
        }
        JournalInspection.inspect(layout, scan, owned, now, jobs, anomalies);
        jobs.sort(java.util.Comparator.comparingLong(InspectedJob::id));
        for (Map.Entry<Long, List<FolderScan.Entry>> e : new TreeMap<>(scan.data).entrySet()) {
            if (scan.controls.containsKey(e.getKey())) {
                continue;
            }
            boolean committing = scan.tmpControls.containsKey(e.getKey());
            if (owned && committing) {
                continue; // a commit between its two renames right now
            }
            for (FolderScan.Entry data : e.getValue()) {
                anomalies.add(new Anomaly(Anomaly.ORPHAN_DATA, data.path(), committing
                        ? "data file whose control file is still in tmp/: a commit interrupted by a crash; deleted at next open"
                        : "data file without a control file; moved to corrupt/ at next open"));
            }
        }
        for (Path leftover : scan.tmp) {
            anomalies.add(new Anomaly(Anomaly.TMP_LEFTOVER, leftover, owned
                    ? "upload or rewrite in progress (the spool is owned by " + owner.get() + ")"
                    : "left by a crash or kill; swept at next open"));
        }
        for (Path quarantined : scan.corrupt) {
            anomalies.add(new Anomaly(Anomaly.QUARANTINED, quarantined, "moved aside by recovery; never deleted, inspect by hand"));
        }
        for (Path unexpected : scan.unexpected) {
            anomalies.add(new Anomaly(Anomaly.UNEXPECTED_FILE, unexpected, "not a job file; the spool leaves it alone"));
        }
        return new SpoolReport(root, jobs, anomalies, owned, owner.orElse(null));
    }

    private static void checkData(FolderScan scan, FolderScan.Entry control, JobRecord job, boolean owned,
                                  List<Anomaly> anomalies) throws IOException {
        Path data = scan.dataIn(job.id(), control.state());
        if (data == null && scan.data.containsKey(job.id())) {
            return; // between the two renames of a state change; recovery moves it back if it stays so
        }
        if (data == null) {
            if (!(owned || scan.tmpData.containsKey(job.id()))) {
                anomalies.add(new Anomaly(Anomaly.ORPHAN_CONTROL, control.path(),
                        "control file without a data file; moved to corrupt/ at next open"));
            }
            return;
        }
        try {
            long size = Files.size(data);
            if (size != job.size()) {
                anomalies.add(new Anomaly(Anomaly.CORRUPT_CONTROL, control.path(), "data file has " + size
                        + " bytes but the control file says " + job.size()));
            }
        } catch (NoSuchFileException moved) {
            // moved by the owner since the listing
        }
    }
}
