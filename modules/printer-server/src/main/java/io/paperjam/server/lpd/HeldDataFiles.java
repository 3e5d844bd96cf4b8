package io.paperjam.server.lpd;

import io.paperjam.protocol.JobInfo;
import io.paperjam.server.door.SpoolSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data files of one receive-job that came before the control file naming them (BSD lpr sends
 * data first): each waits in its {@link HeldDocument} file until a control file prints it, and is then
 * replayed into the spool as one job. Used on the channel's event loop; files are copied and deleted
 * on the disk executor.
 */
final class HeldDataFiles {

    private static final Logger LOG = LoggerFactory.getLogger(HeldDataFiles.class);

    private final LpdContext door;
    private final String peer;
    private final Map<String, Path> held = new LinkedHashMap<>();

    HeldDataFiles(LpdContext door, String peer) {
        this.door = door;
        this.peer = peer;
    }

    /** Keeps the complete holding file of data file {@code name} until a control file prints it. */
    void hold(String name, Path file) {
        held.put(name, file);
    }

    /** Whether {@code control} prints any data file held here. */
    boolean holdsAnyOf(LpdControlFile control) {
        return control.entries().stream().anyMatch(entry -> held.containsKey(entry.dataFile()));
    }

    /**
     * Replays the held data files {@code control} prints into the spool, one job each, in its order;
     * they are no longer held. The future completes on the disk executor with the queued jobs, or
     * fails (at once when the disk executor refuses work).
     */
    CompletableFuture<List<JobInfo>> replay(LpdControlFile control) {
        Map<LpdControlFile.Entry, Path> files = new LinkedHashMap<>();
        for (LpdControlFile.Entry entry : control.entries()) {
            Path path = held.remove(entry.dataFile());
            if (path != null) {
                files.put(entry, path);
            }
        }
        CompletableFuture<List<JobInfo>> replayed = new CompletableFuture<>();
        door.onDisk(() -> {
            try {
                replayed.complete(copyIntoSpool(control, files));
            } catch (Exception e) {
                replayed.completeExceptionally(e);
            }
        }, peer, replayed);
        return replayed;
    }

    /** Stops holding every file and returns them, for the caller to delete on the disk executor. */
    List<Path> takeAll() {
        List<Path> files = new ArrayList<>(held.values());
        held.clear();
        return files;
    }

    /** The receive-job is over: files no control file printed are not queued; delete them. */
    void dropUnprinted() {
        if (held.isEmpty()) {
            return;
        }
        LOG.warn("lpd: {} sent data file(s) {} but no control file naming them; they are not queued", peer,
                held.keySet());
        List<Path> files = takeAll();
        door.onDisk(() -> files.forEach(HeldDocument::delete), peer, null);
    }

    /** On the disk executor: copies held data files into the spool, one job each, deleting each file. */
    private List<JobInfo> copyIntoSpool(LpdControlFile control, Map<LpdControlFile.Entry, Path> files)
            throws Exception {
        List<JobInfo> jobs = new ArrayList<>();
        for (Map.Entry<LpdControlFile.Entry, Path> e : files.entrySet()) {
            Path path = e.getValue();
            try {
                SpoolSink sink = new SpoolSink(door.spool(), door.printer(), control.header(e.getKey(), -1));
                try {
                    sink.writeFrom(path);
                    jobs.add(sink.commit());
                } catch (Exception failure) {
                    sink.abort();
                    throw failure;
                }
            } finally {
                HeldDocument.delete(path);
            }
        }
        return jobs;
    }
}
