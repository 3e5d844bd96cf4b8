package io.paperjam.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether a folder may be used as a spool and creates its skeleton: a non-empty folder without the
 * marker file (say, a source tree) is refused before anything is written into it.
 */
final class SpoolFolder {

    static final String MARKER_TEXT = "paperjam spool, format 1\n"
            + "Owned by one printer-server at a time (see lock). Inspect with: print-client spool inspect <dir>\n";

    private SpoolFolder() {
    }

    /**
     * Creates the folder if missing; refuses a non-empty folder that is not a spool.
     *
     * @return true if the marker is missing (a new spool, or one whose creation was interrupted)
     */
    static boolean prepare(SpoolDisk disk) throws IOException {
        Path root = disk.layout.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new NotASpoolException("cannot use " + root + " as a spool: it is a file, not a folder");
        }
        disk.files.createDirectory(root);
        if (Files.isRegularFile(disk.layout.marker())) {
            return false;
        }
        List<Path> entries = FolderScan.list(root);
        for (Path entry : entries) {
            if (!SpoolLayout.isKnownRootEntry(entry.getFileName().toString())) {
                throw new NotASpoolException("refusing to use " + root + " as a spool: the folder is not empty ("
                        + entry.getFileName() + ", ...) and has no " + SpoolLayout.MARKER
                        + " marker file; choose an empty or new folder");
            }
        }
        return true;
    }

    /** Creates the state folders, tmp/, corrupt/ and journal/ if missing, then the marker of a new spool. */
    static void createFolders(SpoolDisk disk, boolean fresh) throws IOException {
        SpoolLayout layout = disk.layout;
        disk.files.createDirectory(layout.tmp());
        for (JobState state : JobState.values()) {
            disk.files.createDirectory(layout.folder(state));
        }
        disk.files.createDirectory(layout.corrupt());
        disk.files.createDirectory(layout.journal());
        if (fresh) {
            disk.replace(layout.marker(), MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
        }
        disk.syncDir(layout.root());
    }
}
