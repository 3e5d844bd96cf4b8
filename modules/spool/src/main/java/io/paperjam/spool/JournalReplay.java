package io.paperjam.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at open before {@link Recovery}: finds every intact journal record whose job is not yet a file (no
 * control file in queue/, active/ or done/, not in history, not quarantined). With the journal on, those of a
 * clean segment are left where they are and handed to the {@link Journal} as its backlog: the spool opens at
 * once with them queued, and the materialiser writes their files in the background, as it does for fresh
 * commits (a restart after a crash in a burst would otherwise write tens of thousands of jobs before the
 * server listens). Every other record (journal off, or a segment with damage or a torn tail) is written to
 * queue/ durably here. Segments that nothing needs any more are deleted. Replaying twice writes nothing the
 * second time.
 *
 * <p>A damaged record in the newest segment is a torn append: the process died before the record's fsync
 * returned, so no one was told the job was accepted; it and anything after it are dropped with a warning.
 * A damaged record in an older segment is not a crash (older segments were forced whole before the next
 * one began): that segment is moved to corrupt/ after its intact records were replayed.
 */
final class JournalReplay {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReplay.class);

    /** A record whose job is not yet a file, left in its segment for the materialiser. */
    record Backlog(JobRecord job, long offset, int length) {
    }

    /** A segment kept at open because jobs in it still wait for their files (oldest first). */
    record KeptSegment(Path path, List<Backlog> jobs) {
    }

    /**
     * The number the next segment should get, how many jobs were written here, and the segments left to the
     * materialiser.
     */
    record Result(long nextSegment, int replayed, List<KeptSegment> kept) {

        /** The jobs left to the materialiser, in id order. */
        List<JobRecord> backlogJobs() {
            List<JobRecord> jobs = new ArrayList<>();
            for (KeptSegment segment : kept) {
                for (Backlog entry : segment.jobs()) {
                    jobs.add(entry.job());
                }
            }
            jobs.sort(Comparator.comparingLong(JobRecord::id));
            return jobs;
        }
    }

    private JournalReplay() {
    }

    /** Replays the journal; with {@code keepBacklog} clean segments are left to the materialiser. */
    static Result run(SpoolDisk disk, History history, boolean keepBacklog) throws IOException {
        SpoolLayout layout = disk.layout;
        List<Path> segments = segments(layout.journal());
        if (segments.isEmpty()) {
            return new Result(1, 0, List.of());
        }
        FolderScan scan = FolderScan.of(layout);
        Set<Long> quarantined = new HashSet<>();
        for (Path file : scan.corrupt) {
            SpoolLayout.leadingId(file.getFileName().toString()).ifPresent(quarantined::add);
        }
        Set<Long> seen = new HashSet<>();
        int written = 0;
        List<Path> damaged = new ArrayList<>();
        List<KeptSegment> kept = new ArrayList<>();
        long lastNumber = 0;
        int newest = newestWithRecords(segments);
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            lastNumber = Math.max(lastNumber, SpoolLayout.idOf(segment.getFileName().toString(),
                    SpoolLayout.JOURNAL_SUFFIX).orElse(0));
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
            List<Wanted> wanted = new ArrayList<>();
            boolean clean = true;
            int offset = 0;
            while (true) {
                JournalCodec.Read read = JournalCodec.read(bytes, offset);
                if (read.atEnd()) {
                    break;
                }
                if (read.damage() != null) {
                    clean = false;
                    if (i >= newest) {
                        LOG.warn("{}: torn tail at byte {} of {} ({}): an append cut short by a crash, never "
                                + "acknowledged; dropped", segment, offset, bytes.limit(), read.damage());
                    } else {
                        LOG.warn("{}: damaged record at byte {} ({}); its intact records are replayed and the "
                                + "segment is moved to corrupt/", segment, offset, read.damage());
                        damaged.add(segment);
                    }
                    break;
                }
                JournalCodec.Entry entry = read.entry();
                long id = entry.id();
                if (!scan.controls.containsKey(id) && !history.contains(id) && !quarantined.contains(id)
                        && seen.add(id)) {
                    wanted.add(new Wanted(entry, offset));
                }
                offset = (int) entry.end();
            }
            List<Backlog> backlog = clean && keepBacklog ? backlog(wanted) : null;
            if (backlog != null && !backlog.isEmpty()) {
                kept.add(new KeptSegment(segment, backlog));
            } else if (backlog == null) {
                for (Wanted record : wanted) {
                    write(disk, record.entry());
                    written++;
                }
            }
        }
        if (written > 0) {
            disk.syncDir(layout.folder(JobState.QUEUED));
            LOG.info("wrote {} journaled job(s) to {}", written, layout.folder(JobState.QUEUED));
        }
        List<Path> keptPaths = kept.stream().map(KeptSegment::path).toList();
        for (Path segment : segments) {
            if (damaged.contains(segment)) {
                Path target = layout.corrupt().resolve("journal-" + segment.getFileName()); // no leading id
                disk.files.move(segment, target, false);
                LOG.warn("moved {} to {}", segment, target);
            } else if (!keptPaths.contains(segment)) {
                disk.files.deleteIfExists(segment);
            }
        }
        disk.syncDir(layout.journal());
        disk.syncDir(layout.corrupt());
        Result result = new Result(lastNumber + 1, written, kept);
        if (!kept.isEmpty()) {
            LOG.info("{} journaled job(s) in {} segment(s) are queued; their files are written in the background",
                    kept.stream().mapToInt(segment -> segment.jobs().size()).sum(), kept.size());
        }
        return result;
    }

    /** An intact record whose job is not yet a file, and where it starts in its segment. */
    private record Wanted(JournalCodec.Entry entry, int offset) {
    }

    /** The records as backlog entries, or null if a control in them does not decode (then they are written). */
    private static List<Backlog> backlog(List<Wanted> wanted) {
        List<Backlog> backlog = new ArrayList<>(wanted.size());
        for (Wanted record : wanted) {
            JournalCodec.Entry entry = record.entry();
            try {
                JobRecord job = ControlCodec.decodeStored(entry.control(), JobState.QUEUED);
                if (job.id() != entry.id()) {
                    return null;
                }
                backlog.add(new Backlog(job, record.offset(), (int) (entry.end() - record.offset())));
            } catch (ControlCodec.CorruptControlException e) {
                LOG.warn("job {}: its journaled control does not decode ({}); writing its segment's jobs now",
                        entry.id(), e.getMessage());
                return null;
            }
        }
        return backlog;
    }

    private static void write(SpoolDisk disk, JournalCodec.Entry entry) throws IOException {
        SpoolLayout layout = disk.layout;
        long id = entry.id();
        Path tmpData = layout.tmpData(id);
        Path tmpControl = layout.tmpControl(id);
        disk.files.deleteIfExists(tmpData);
        disk.files.deleteIfExists(tmpControl);
        disk.writeNew(tmpData, entry.document());
        disk.writeNew(tmpControl, entry.control());
        disk.files.move(tmpData, layout.data(JobState.QUEUED, id), true);
        disk.files.move(tmpControl, layout.control(JobState.QUEUED, id), false);
    }

    /**
     * The index of the newest segment that holds anything but zeros at its start: only there can a record be
     * torn by a crash. Segments after it were zero-filled ahead and never appended to.
     */
    static int newestWithRecords(List<Path> segments) throws IOException {
        for (int i = segments.size() - 1; i > 0; i--) {
            if (!blank(segments.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean blank(Path segment) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(segment)) {
            start = in.readNBytes(JournalCodec.PREFIX); // the length and CRC of the first record, if any
        } catch (NoSuchFileException e) {
            return true;
        }
        return start.length == 0 || (start.length == JournalCodec.PREFIX && ByteBuffer.wrap(start).getLong() == 0);
    }

    /** The segment files, oldest first (names are zero-padded numbers). */
    static List<Path> segments(Path dir) throws IOException {
        List<Path> segments = new ArrayList<>();
        for (Path file : FolderScan.list(dir)) {
            if (SpoolLayout.idOf(file.getFileName().toString(), SpoolLayout.JOURNAL_SUFFIX).isPresent()) {
                segments.add(file);
            }
        }
        return segments;
    }
}
