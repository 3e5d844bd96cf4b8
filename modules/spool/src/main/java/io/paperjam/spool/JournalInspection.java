package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only half of {@link SpoolInspector} for {@code journal/}: lists acknowledged jobs that are still
 * only in a journal segment (queued, noted "journaled") and reports damaged records, without writing anything.
 */
final class JournalInspection {

    static final String NOTE = "journaled";
    private static final Pattern HISTORY_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private JournalInspection() {
    }

    static void inspect(SpoolLayout layout, FolderScan scan, boolean owned, Instant now, List<InspectedJob> jobs,
                        List<Anomaly> anomalies) throws IOException {
        List<Path> segments = JournalReplay.segments(layout.journal());
        if (segments.isEmpty()) {
            return;
        }
        Set<Long> pruned = historyIds(layout.history());
        Set<Long> listed = new HashSet<>();
        int newestWithRecords = JournalReplay.newestWithRecords(segments);
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            ByteBuffer bytes;
            try {
                bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
            } catch (NoSuchFileException deleted) {
                continue; // materialised and deleted by the owner since the listing
            }
            int offset = 0;
            while (true) {
                JournalCodec.Read read = JournalCodec.read(bytes, offset);
                if (read.atEnd()) {
                    break;
                }
                if (read.damage() != null) {
                    boolean newest = i >= newestWithRecords;
                    anomalies.add(newest
                            ? new Anomaly(Anomaly.JOURNAL_TORN_TAIL, segment, "byte " + offset + " of " + bytes.limit()
                                    + ": " + read.damage() + (owned ? "; an append may be in progress right now"
                                    : "; an append cut short by a crash (never acknowledged), dropped at next open"))
                            : new Anomaly(Anomaly.JOURNAL_CORRUPT, segment, "byte " + offset + ": " + read.damage()
                                    + "; intact records are replayed and the segment is moved to corrupt/ at next open"));
                    break;
                }
                JournalCodec.Entry entry = read.entry();
                offset = (int) entry.end();
                long id = entry.id();
                if (scan.controls.containsKey(id) || pruned.contains(id) || !listed.add(id)) {
                    continue; // already a file (or pruned): the segment just has not been deleted yet
                }
                try {
                    JobRecord job = ControlCodec.decodeStored(entry.control(), JobState.QUEUED);
                    jobs.add(new InspectedJob(id, job.header().name(), JobState.QUEUED, job.size(), job.sha256(),
                            job.arrived(), Duration.between(job.arrived(), now), job.pagesDone(), null, null, NOTE));
                } catch (ControlCodec.CorruptControlException e) {
                    anomalies.add(new Anomaly(Anomaly.JOURNAL_CORRUPT, segment, "job " + id
                            + ": intact record with an unreadable header: " + e.getMessage()));
                }
            }
        }
    }

    /** Ids named in history.jsonl, read without the owner's index (a pruned job's segment may linger). */
    private static Set<Long> historyIds(Path history) throws IOException {
        Set<Long> ids = new HashSet<>();
        try {
            for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
                Matcher m = HISTORY_ID.matcher(line);
                if (m.find()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (NoSuchFileException e) {
            return ids;
        }
        return ids;
    }
}
