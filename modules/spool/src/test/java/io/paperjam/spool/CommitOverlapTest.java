package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit forces the data file and writes + forces the control file side by side: neither may be renamed
 * into queue/ before both are durable, and a failure of either one leaves nothing behind.
 */
class CommitOverlapTest {

    @TempDir
    Path dir;

    /** Records which files were forced before the first rename into queue/; can fail the control file. */
    private static final class Watching extends SpoolFiles {
        final Set<String> forcedBeforeRename = ConcurrentHashMap.newKeySet();
        final Set<FileChannel> forced = ConcurrentHashMap.newKeySet();
        volatile boolean renamed;
        volatile boolean failControl;

        @Override
        FileChannel createExclusive(Path file) throws IOException {
            if (failControl && file.getParent().endsWith("tmp") && file.toString().endsWith(".json")) {
                throw new IOException("injected failure creating " + file.getFileName());
            }
            FileChannel channel = super.createExclusive(file);
            names.put(channel, file.getFileName().toString());
            return channel;
        }

        final java.util.Map<FileChannel, String> names = new ConcurrentHashMap<>();

        @Override
        void force(FileChannel channel) throws IOException {
            super.force(channel);
            if (!renamed) {
                forcedBeforeRename.add(names.getOrDefault(channel, "?"));
            }
        }

        @Override
        void move(Path from, Path to, boolean replace) throws IOException {
            if (to.getParent().endsWith("queue")) {
                renamed = true;
            }
            super.move(from, to, replace);
        }
    }

    @Test
    void dataAndControlFileAreBothForcedBeforeAnyRenameIntoTheQueue() throws Exception {
        Watching files = new Watching();
        try (Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults().withJournalMaxBytes(0), files)) {
            files.forcedBeforeRename.clear();
            JobRecord job = Jobs.submit(spool, "a", Jobs.content(1, 4096));
            String name = SpoolLayout.name(job.id());
            assertTrue(files.forcedBeforeRename.containsAll(Set.of(name + ".data", name + ".json")),
                    "forced before the first rename into queue/: " + files.forcedBeforeRename);
        }
    }

    @Test
    void failingControlFileLeavesNoDataFileBehind() throws Exception {
        Watching files = new Watching();
        Path root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, SpoolSettings.defaults().withJournalMaxBytes(0), files)) {
            files.failControl = true;
            IOException e = assertThrows(IOException.class, () -> Jobs.submit(spool, "doomed", Jobs.content(2, 9000)));
            assertTrue(e.getMessage().contains("injected"), e.getMessage());
            assertEquals(List.of(), FolderScan.list(root.resolve("tmp")));
            assertEquals(List.of(), FolderScan.list(root.resolve("queue")));
            assertEquals(0, spool.usage().jobs());
            files.failControl = false;
            JobRecord kept = Jobs.submit(spool, "after", Jobs.content(3, 100));
            assertTrue(Files.exists(spool.documentPath(kept.id())));
        }
    }
}
