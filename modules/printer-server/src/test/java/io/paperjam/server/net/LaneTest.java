package io.paperjam.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection's lane: its tasks run in order on several disk threads, and its counters come back to zero. */
class LaneTest {

    private final EventLoop eventLoop = new DefaultEventLoop();
    private final ExecutorService disk = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        disk.shutdownNow();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void tasksRunInTheOrderTheyWereQueuedAndTheCountersDrain() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch drained = new CountDownLatch(1);
        Lane[] lane = new Lane[1];
        eventLoop.submit(() -> {
            lane[0] = new Lane(disk, eventLoop, () -> {
                if (lane[0].tasks() == 0 && lane[0].bytes() == 0 && ran.size() == 2000) {
                    drained.countDown();
                }
            });
            for (int i = 0; i < 2000; i++) {
                int n = i;
                lane[0].run(10, () -> ran.add(n));
            }
        }).sync();
        assertTrue(drained.await(10, TimeUnit.SECONDS), "the lane drained; ran " + ran.size());
        assertEquals(IntStream.range(0, 2000).boxed().toList(), ran);
    }

    @Test
    void tasksQueuedTogetherShareOneHandOffToTheDisk() throws Exception {
        AtomicInteger handOffs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        eventLoop.submit(() -> {
            Lane lane = new Lane(command -> {
                handOffs.incrementAndGet();
                disk.execute(command);
            }, eventLoop, () -> { });
            lane.run(0, () -> awaitQuietly(release));   // holds the drain while the rest queue up
            lane.run(0, done::countDown);
            lane.run(0, done::countDown);
            lane.run(0, done::countDown);
        }).sync();
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(1, handOffs.get(), "a header, a document slice and an end are one trip to a disk thread");
    }

    @Test
    void documentChunksAreCountedInBytesNotAsRequests() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        int[] whileHeld = new int[3];
        Lane[] lane = new Lane[1];
        eventLoop.submit(() -> {
            lane[0] = new Lane(disk, eventLoop, () -> {
                if (lane[0].tasks() == 0) {
                    drained.countDown();
                }
            });
            lane[0].run(0, () -> awaitQuietly(release));   // a submit's begin, holding the drain
            for (int i = 0; i < 100; i++) {
                lane[0].run(64 * 1024, () -> { });           // its document, in socket-sized slices
            }
            lane[0].run(0, () -> { });                       // its end
            whileHeld[0] = lane[0].tasks();
            whileHeld[1] = lane[0].requests();
            whileHeld[2] = (int) (lane[0].bytes() >> 10);
        }).sync();
        release.countDown();
        assertTrue(drained.await(10, TimeUnit.SECONDS));
        assertEquals(102, whileHeld[0]);
        assertEquals(2, whileHeld[1], "100 slices of one upload are not 100 pipelined requests");
        assertEquals(6400, whileHeld[2]);
        int[] after = eventLoop.submit(() -> new int[] {lane[0].requests(), (int) lane[0].bytes()}).get();
        assertEquals(0, after[0]);
        assertEquals(0, after[1]);
    }

    @Test
    void aFailingTaskDoesNotStopTheLane() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        eventLoop.submit(() -> {
            Lane lane = new Lane(disk, eventLoop, () -> { });
            lane.run(0, () -> {
                throw new IllegalStateException("a task's bug (expected in this test)");
            });
            lane.run(0, after::countDown);
        }).sync();
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aShutDownDiskExecutorDropsTasksWithoutThrowing() throws Exception {
        disk.shutdown();
        AtomicInteger ran = new AtomicInteger();
        eventLoop.submit(() -> {
            Lane lane = new Lane(disk, eventLoop, () -> { });
            lane.run(0, ran::incrementAndGet);
            lane.run(0, ran::incrementAndGet);
        }).sync();
        assertEquals(0, ran.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
