package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids over many blocks: unique, increasing, never above the ceiling on disk, contiguous after a clean close. */
class IdAllocatorTest {

    @TempDir
    Path root;

    private final FaultyFiles files = new FaultyFiles();
    private SpoolDisk disk;

    @BeforeEach
    void folders() throws IOException {
        SpoolLayout layout = new SpoolLayout(root);
        Files.createDirectories(layout.tmp());
        disk = new SpoolDisk(layout, files);
    }

    @Test
    void everyIdHandedOutIsAtOrBelowTheCeilingOnDisk() throws IOException {
        IdAllocator ids = new IdAllocator(disk, 0, 0);
        for (long expected = 1; expected <= 5 * IdAllocator.BLOCK; expected++) {
            long id = ids.next();
            assertEquals(expected, id);
            assertTrue(onDisk() >= id, "id " + id + " above the durable ceiling " + onDisk());
        }
        ids.close();
        assertEquals(5 * IdAllocator.BLOCK, onDisk(), "a clean close records the exact last id");
    }

    @Test
    void concurrentCallersGetDistinctIds() throws Exception {
        IdAllocator ids = new IdAllocator(disk, 0, 0);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    try {
                        seen.add(ids.next());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(8_000, seen.size());
        assertEquals(8_000L, seen.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void aCrashSkipsAheadButNeverReuses() throws IOException {
        IdAllocator crashed = new IdAllocator(disk, 0, 0);
        long last = 0;
        for (int i = 0; i < IdAllocator.BLOCK + 10; i++) {
            last = crashed.next();
        }
        crashed.abandon();
        IdAllocator reopened = new IdAllocator(disk, IdAllocator.readCeiling(root.resolve("last-id")), 0);
        long next = reopened.next();
        assertTrue(next > last && next <= last + 2 * IdAllocator.BLOCK, "next id " + next + " after " + last);
    }

    @Test
    void aFailedCeilingWriteFailsOnlyWhenTheBlockRunsOut() throws IOException {
        IdAllocator ids = new IdAllocator(disk, 0, 0);
        ids.next();
        files.failForce = true; // every later ceiling write fails
        long id = 1;
        while (id < IdAllocator.BLOCK) {
            id = ids.next();
        }
        assertThrows(IOException.class, ids::next, "no id above the durable ceiling");
        files.heal();
        assertEquals(IdAllocator.BLOCK + 1, ids.next());
    }

    private long onDisk() throws IOException {
        return IdAllocator.readCeiling(root.resolve("last-id"));
    }
}
