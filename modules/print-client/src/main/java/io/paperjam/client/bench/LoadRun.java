package io.paperjam.client.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator behind {@code print-client bench}: one thread per connection, each
 * submitting the same job and waiting for its acknowledgement before the next, until the run's
 * job count is used up or its time is over. Connections are opened before the clock starts and
 * reused; a lost one is reopened.
 */
public final class LoadRun {

    /** Pause after a failed connect, so a dead printer is not hammered. */
    static final long RECONNECT_PAUSE_MILLIS = 100;
    /** Small stacks: a run may have thousands of connection threads. */
    static final long THREAD_STACK_BYTES = 256 * 1024;
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);

    private final BenchSettings settings;
    private final BenchJob job;
    private final AtomicLong tickets = new AtomicLong();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final CountDownLatch connected;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long deadline;

    public LoadRun(BenchSettings settings) {
        this.settings = settings;
        this.job = new BenchJob(settings.jobBytes());
        this.connected = new CountDownLatch(settings.connections());
    }

    /** Runs the load to its end and reports it; interrupted, it stops early and reports what it did. */
    public BenchResult run() throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            Worker w = new Worker();
            Thread t = new Thread(null, w, "bench-" + i, THREAD_STACK_BYTES);
            t.setDaemon(true);
            w.thread = t;
            workers.add(w);
            t.start();
        }
        connected.await();
        long start = System.nanoTime();
        deadline = start + settings.duration().toNanos();
        go.countDown();
        try {
            for (Worker w : workers) {
                w.thread.join();
            }
        } finally {
            for (Worker w : workers) {
                w.thread.interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(workers, seconds);
    }

    private BenchResult result(List<Worker> workers, double seconds) {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        for (Worker w : workers) {
            all.add(w.latencies);
        }
        long jobs = all.getTotalCount();
        Map<String, Long> byCode = new TreeMap<>();
        errors.forEach((code, n) -> byCode.put(code, n.sum()));
        long errorCount = byCode.values().stream().mapToLong(Long::longValue).sum();
        double rate = seconds > 0 ? jobs / seconds : 0;
        return new BenchResult(settings.sender().name().toLowerCase(), settings.connections(),
                settings.jobBytes(), jobs, errorCount, byCode, seconds, rate,
                rate * settings.jobBytes() / 1e6, ms(all.getValueAtPercentile(50)),
                ms(all.getValueAtPercentile(99)), ms(all.getValueAtPercentile(99.9)), ms(all.getMaxValue()),
                jobs == 0 ? 0 : all.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private void count(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    private JobSender open() throws IOException {
        return settings.sender() == BenchSettings.Sender.LEAN
                ? new LeanSender(settings, job) : new LibrarySender(settings, job);
    }

    /** One connection's loop. */
    private final class Worker implements Runnable {

        final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        Thread thread;
        private JobSender sender;

        @Override
        public void run() {
            try {
                connectFirst();
                go.await();
                loop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (sender != null) {
                    sender.close();
                }
            }
        }

        /** The first connect happens before the clock starts; its failure is counted, not fatal. */
        private void connectFirst() {
            try {
                sender = open();
            } catch (IOException e) {
                log.debug("connect failed: {}", e.toString());
                count("connect-failed");
            } finally {
                connected.countDown();
            }
        }

        private void loop() throws InterruptedException {
            while (System.nanoTime() < deadline && tickets.incrementAndGet() <= settings.count()) {
                if (sender == null && !reconnect()) {
                    continue;
                }
                long began = System.nanoTime();
                try {
                    String code = sender.submit();
                    if (code == null) {
                        long micros = (System.nanoTime() - began) / 1000;
                        latencies.recordValue(Math.min(micros, HIGHEST_MICROS));
                    } else {
                        count(code);
                    }
                } catch (IOException e) {
                    log.debug("connection failed: {}", e.toString());
                    count(e instanceof SocketTimeoutException ? "timeout" : "connection-lost");
                    sender.close();
                    sender = null;
                }
            }
        }

        private boolean reconnect() throws InterruptedException {
            try {
                sender = open();
                return true;
            } catch (IOException e) {
                count("connect-failed");
                long left = (deadline - System.nanoTime()) / 1_000_000;
                Thread.sleep(Math.max(0, Math.min(RECONNECT_PAUSE_MILLIS, left)));
                return false;
            }
        }
    }
}
