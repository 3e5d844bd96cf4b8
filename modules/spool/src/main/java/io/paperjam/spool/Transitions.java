package io.paperjam.spool;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a job's files between state folders durably: when {@link #apply} returns, the new control file and
 * the job's location survive a crash; when it throws, the job is where it was (or, for a finish whose new
 * control file was already durable, recovery completes the move).
 *
 * <p>Order: (1) the control file is rewritten in place (tmp, force, rename over); (2) the data file is renamed
 * into the target folder; (3) the control file is renamed after it; (4) both folders are fsynced side by side;
 * the old folder's fsync also makes step 1 durable, so a change costs two folder fsyncs, not three. The
 * control file's folder is the job's state: a crash between (2) and (3) leaves the data ahead of its control
 * file and recovery moves it back. A control file that carries an outcome but is not yet in {@code done/} is
 * rolled forward into {@code done/} by recovery.
 */
final class Transitions {

    private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);

    private final SpoolDisk disk;

    Transitions(SpoolDisk disk) {
        this.disk = disk;
    }

    /** Makes {@code next} durable, moving the files if its state differs from {@code current}'s. */
    void apply(JobRecord current, JobRecord next) throws IOException {
        SpoolLayout layout = disk.layout;
        long id = current.id();
        JobState from = current.state();
        if (from == next.state()) {
            disk.replace(layout.control(from, id), ControlCodec.encodeControl(next));
            return;
        }
        // the move's fsync of the old folder makes this rename over durable too: one folder fsync, not two
        disk.replaceUnsynced(layout.control(from, id), ControlCodec.encodeControl(next));
        try {
            move(id, from, next.state());
        } catch (IOException | RuntimeException e) {
            try { // undo the rewrite, so that recovery does not roll a failed finish forward
                disk.replace(layout.control(from, id), ControlCodec.encodeControl(current));
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
                LOG.warn("job {}: state change {} -> {} failed and could not be undone; recovery will settle it: {}",
                        id, from, next.state(), undo.toString());
            }
            throw e;
        }
    }

    /** Renames data then control from one state folder to another and fsyncs both folders. */
    void move(long id, JobState from, JobState to) throws IOException {
        SpoolLayout layout = disk.layout;
        Path dataFrom = layout.data(from, id);
        Path dataTo = layout.data(to, id);
        disk.files.move(dataFrom, dataTo, false);
        try {
            disk.files.move(layout.control(from, id), layout.control(to, id), false);
        } catch (IOException | RuntimeException e) {
            try {
                disk.files.move(dataTo, dataFrom, false);
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        Overlap.both(() -> disk.syncDir(layout.folder(to)), () -> disk.syncDir(layout.folder(from)));
    }
}
