package io.paperjam.client.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blocking thread per connection, each with its {@link JobSender} (the lean socket loop or the
 * library): submits, waits for the reply, records, and again.
 */
final class ThreadPerConnection implements LoadEngine {

    /** Pause after a failed connect, so a dead printer is not hammered. */
    static final long RECONNECT_PAUSE_MILLIS = 100;
    /** Small stacks: a run may have thousands of connection threads. */
    static final long THREAD_STACK_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ThreadPerConnection.class);

    private final BenchSettings settings;
    private final BenchJob job;
    private final CountDownLatch connected;
    private final CountDownLatch go = new CountDownLatch(1);
    private Tickets tickets;
    private ErrorCounts errors;

    ThreadPerConnection(BenchSettings settings, BenchJob job) {
        this.settings = settings;
        this.job = job;
        this.connected = new CountDownLatch(settings.connections());
    }

    @Override
    public Histogram run(Tickets tickets, ErrorCounts errors) throws InterruptedException {
        this.tickets = tickets;
        this.errors = errors;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            Worker w = new Worker();
            Thread t = new Thread(null, w, "bench-" + i, THREAD_STACK_BYTES);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
            t.start();
        }
        LoadEngine.startAndJoin(threads, connected, go, tickets, settings.duration());
        Histogram all = LoadEngine.newHistogram();
        for (Worker w : workers) {
            all.add(w.latencies);
        }
        return all;
    }

    private JobSender open() throws IOException {
        return settings.sender() == BenchSettings.Sender.LIBRARY
                ? new LibrarySender(settings, job) : new LeanSender(settings, job);
    }

    /** One connection's loop. */
    private final class Worker implements Runnable {

        final Histogram latencies = LoadEngine.newHistogram();
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
                errors.count(ErrorCounts.CONNECT_FAILED);
            } finally {
                connected.countDown();
            }
        }

        private void loop() throws InterruptedException {
            while (tickets.take()) {
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
                        errors.count(code);
                    }
                } catch (IOException e) {
                    log.debug("connection failed: {}", e.toString());
                    errors.count(e instanceof SocketTimeoutException ? ErrorCounts.TIMEOUT : ErrorCounts.CONNECTION_LOST);
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
                errors.count(ErrorCounts.CONNECT_FAILED);
                long left = (tickets.deadlineNanos() - System.nanoTime()) / 1_000_000;
                Thread.sleep(Math.max(0, Math.min(RECONNECT_PAUSE_MILLIS, left)));
                return false;
            }
        }
    }
}
