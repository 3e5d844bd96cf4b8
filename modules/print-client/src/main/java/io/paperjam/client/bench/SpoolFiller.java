package io.paperjam.client.bench;

import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark helper (bench/run.sh): fills a spool folder with queued jobs through the Spool API,
 * without a server or a network, so a restart with a large queue can be timed.
 * Usage: {@code java -cp print-client.jar io.paperjam.client.bench.SpoolFiller DIR JOBS [THREADS]}.
 */
public final class SpoolFiller {

    private static final byte[] DOCUMENT = "one queued page\n".getBytes(StandardCharsets.US_ASCII);

    private SpoolFiller() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SpoolFiller DIR JOBS [THREADS]");
            System.exit(2);
        }
        long start = System.nanoTime();
        long made = fill(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 4);
        System.out.printf("%d jobs queued in %.1f s%n", made, (System.nanoTime() - start) / 1e9);
    }

    /** Queues {@code jobs} small text jobs in the spool at {@code dir} from {@code threads} threads. */
    public static long fill(Path dir, long jobs, int threads) throws IOException, InterruptedException {
        SpoolSettings settings = SpoolSettings.defaults().withQuotaJobs(Integer.MAX_VALUE)
                .withQuotaBytes(Long.MAX_VALUE);
        AtomicLong left = new AtomicLong(jobs);
        AtomicLong made = new AtomicLong();
        List<IOException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Spool spool = Spool.open(dir, settings)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        while (left.getAndDecrement() > 0 && failures.isEmpty()) {
                            JobHeader header = new JobHeader("queued-" + made.get() + ".txt", "text/plain", 1, 1,
                                    "bench", DOCUMENT.length, null);
                            try (JobUpload upload = spool.begin(header)) {
                                upload.write(ByteBuffer.wrap(DOCUMENT));
                                upload.commit();
                            }
                            made.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.add(e);
                    }
                }, "filler-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return made.get();
    }
}
