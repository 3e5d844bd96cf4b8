package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void callersWaitingTogetherShareOneDirectoryFsync() throws Exception {
        CountDownLatch firstFsyncEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstFsync = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        SpoolFiles files = new SpoolFiles() {
            @Override
            void syncDirectory(Path d) throws IOException {
                if (first.getAndSet(false)) {
                    firstFsyncEntered.countDown();
                    try {
                        releaseFirstFsync.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.syncDirectory(d);
            }
        };
        DirSync sync = new DirSync(dir, files);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> { sync.sync(); return null; }));
            firstFsyncEntered.await();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> { sync.sync(); return null; }));
            }
            while (sync.requests() < 4) {
                Thread.onSpinWait();
            }
            releaseFirstFsync.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
            assertEquals(4, sync.requests());
            assertEquals(2, sync.fsyncs(), "the three callers that arrived during the first fsync share the second");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyWritersAndASchedulerKeepIndexAndDiskConsistent() throws Exception {
        Path root = dir.resolve("spool");
        int writers = 8;
        int perWriter = 25;
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Spool spool = Spool.open(root, SpoolSettings.defaults().withRetainDoneJobs(10))) {
            ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        byte[] doc = Jobs.content(writer * 1000L + i, 4096);
                        JobRecord job = Jobs.submit(spool, "w" + writer + "-" + i, doc);
                        assertEquals(Jobs.sha256(doc), job.sha256());
                        assertTrue(committed.add(job.id()), "id handed out twice: " + job.id());
                    }
                    return null;
                }));
            }
            Future<Integer> scheduler = pool.submit(() -> {
                int finished = 0;
                while (writing.get() || !spool.queued().isEmpty()) {
                    for (JobRecord job : spool.queued()) {
                        spool.activate(job.id());
                        spool.progress(job.id(), 1);
                        spool.finish(job.id(), JobOutcome.COMPLETED, null);
                        finished++;
                    }
                    Thread.yield();
                }
                return finished;
            });
            for (Future<?> task : tasks) {
                task.get();
            }
            writing.set(false);
            assertEquals(writers * perWriter, (int) scheduler.get());
            pool.shutdown();
            assertEquals(writers * perWriter, committed.size());
            assertEquals(new SpoolUsage(0, 0, spool.usage().quotaBytes(), spool.usage().quotaJobs()), spool.usage());
            assertTrue(spool.jobs().size() <= 10 + Retention.slack(SpoolSettings.defaults().withRetainDoneJobs(10)));
            spool.prune();
            assertEquals(10, spool.jobs().size());
            for (long id : committed) {
                JobRecord job = spool.find(id).orElseThrow();
                assertEquals(JobOutcome.COMPLETED, job.outcome());
                assertEquals(1, job.pagesDone());
            }
            long[] stats = spool.queueSyncStats();
            System.out.printf("queue/ fsyncs: %d issued for %d requests%n", stats[1], stats[0]);
            assertTrue(stats[1] <= stats[0]);
        }
        SpoolReport report = SpoolInspector.inspect(root);
        assertEquals(List.of(), report.anomalies());
        assertEquals(10, report.jobs().size());
    }
}
