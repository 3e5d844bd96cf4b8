package io.paperjam.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at open before {@link Recovery}: writes every intact journal record whose job is not yet a file
 * (no control file in queue/, active/ or done/, not in history, not quarantined) to {@code queue/} durably,
 * then deletes the segments. Replaying twice writes nothing the second time.
 *
 * <p>A damaged record in the newest segment is a torn append: the process died before the record's fsync
 * returned, so no one was told the job was accepted; it and anything after it are dropped with a warning.
 * A damaged record in an older segment is not a crash (older segments were forced whole before the next
 * one began): that segment is moved to corrupt/ after its intact records were replayed.
 */
final class JournalReplay {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReplay.class);

    /** The number the next segment should get and how many jobs were written. */
    record Result(long nextSegment, int replayed) {
    }

    private JournalReplay() {
    }

    static Result run(SpoolDisk disk, History history) throws IOException {
        SpoolLayout layout = disk.layout;
        List<Path> segments = segments(layout.journal());
        if (segments.isEmpty()) {
            return new Result(1, 0);
        }
        FolderScan scan = FolderScan.of(layout);
        Set<Long> quarantined = new HashSet<>();
        for (Path file : scan.corrupt) {
            SpoolLayout.leadingId(file.getFileName().toString()).ifPresent(quarantined::add);
        }
        Set<Long> written = new HashSet<>();
        List<Path> damaged = new ArrayList<>();
        long lastNumber = 0;
        int newest = newestWithRecords(segments);
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            lastNumber = Math.max(lastNumber, SpoolLayout.idOf(segment.getFileName().toString(),
                    SpoolLayout.JOURNAL_SUFFIX).orElse(0));
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
            int offset = 0;
            while (true) {
                JournalCodec.Read read = JournalCodec.read(bytes, offset);
                if (read.atEnd()) {
                    break;
                }
                if (read.damage() != null) {
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
                        && written.add(id)) {
                    write(disk, entry);
                }
                offset = (int) entry.end();
            }
        }
        if (!written.isEmpty()) {
            disk.syncDir(layout.folder(JobState.QUEUED));
            LOG.info("wrote {} journaled job(s) to {}", written.size(), layout.folder(JobState.QUEUED));
        }
        for (Path segment : segments) {
            if (damaged.contains(segment)) {
                Path target = layout.corrupt().resolve("journal-" + segment.getFileName()); // no leading id
                disk.files.move(segment, target, false);
                LOG.warn("moved {} to {}", segment, target);
            } else {
                disk.files.deleteIfExists(segment);
            }
        }
        disk.syncDir(layout.journal());
        disk.syncDir(layout.corrupt());
        return new Result(lastNumber + 1, written.size());
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
