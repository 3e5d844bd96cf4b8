package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spool benchmark behind {@code bench/spool/run.sh} (not a test). Modes, each printing one result line:
 * <pre>
 *   commits  DIR THREADS SECONDS [off|alone]  spool commits/s of 4 KiB jobs (journal on by default; "off" = file
 *                                  path; "alone" = the journal with its materialiser held back until the
 *                                  series ends, so nothing else uses the disk: keep SECONDS short enough that
 *                                  fewer than Journal.MAX_BACKLOG_JOBS jobs are committed)
 *   baseline DIR THREADS SECONDS   plain create + write 4 KiB + fsync + rename + directory fsync, per second
 *   big      DIR MIB [KIB]         MB/s of one MIB-MiB job streamed in 1 MiB direct chunks (or KIB-KiB heap
 *                                  chunks, as a network server hands them over) and committed
 *   bigjava  DIR MIB               MB/s of the same bytes written by a plain FileChannel loop, forced at the end
 * </pre>
 * Commit series also print the 99th percentile latency of one commit in milliseconds after the rate, and how
 * long the spool's close took afterwards ("drain": writing what the journal still held to queue/).
 */
public final class SpoolBench {

    private static final int JOB = 4096;

    private SpoolBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "commits" -> report("spool-commits", args[2], commits(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? args[4] : ""), "commits/s");
            case "baseline" -> report("baseline-commits", args[2], baseline(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3])), "commits/s");
            case "big" -> report("spool-big", args[2], big(dir, Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 0), "MB/s");
            case "bigjava" -> report("java-big", args[2], bigJava(dir, Integer.parseInt(args[2])), "MB/s");
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void report(String what, String param, double value, String unit) {
        System.out.printf("%s %s %.1f %s%n", what, param, value, unit);
    }

    private static void report(String what, String param, double[] rateAndP99, String unit) {
        System.out.printf("%s %s %.1f %s p99 %.2f ms%s%n", what, param, rateAndP99[0], unit, rateAndP99[1],
                rateAndP99.length > 2 ? String.format(" drain %.2f s", rateAndP99[2]) : "");
    }

    private static double[] commits(Path dir, int threads, int seconds, String variant) throws Exception {
        if (!java.util.Set.of("", "off", "alone").contains(variant)) {
            throw new IllegalArgumentException("unknown commits variant " + variant + " (off or alone)");
        }
        SpoolSettings settings = SpoolSettings.defaults().withQuotaJobs(Integer.MAX_VALUE).withQuotaBytes(Long.MAX_VALUE)
                .withCloseDrain(java.time.Duration.ofMinutes(10)); // the "drain" figure is the whole backlog's time
        if (variant.equals("off")) {
            settings = settings.withJournalMaxBytes(0);
        }
        java.util.concurrent.CountDownLatch seriesOver = new java.util.concurrent.CountDownLatch(1);
        Spool spool = variant.equals("alone") ? Spool.open(dir, settings, materialiserHeldUntil(seriesOver))
                : Spool.open(dir, settings);
        try {
            byte[] doc = Jobs.content(1, JOB);
            Jobs.submit(spool, "warm-up", doc); // class loading is not timed
            double[] rate = timed(threads, seconds, () -> {
                try (JobUpload upload = spool.begin(JobHeader.of("bench").withDeclaredSize(JOB))) {
                    upload.write(ByteBuffer.wrap(doc));
                    upload.commit();
                }
            });
            seriesOver.countDown();
            long[] stats = spool.queueSyncStats();
            System.err.printf("  queue/ directory fsyncs: %d for %d requests; journal fsyncs: %d%n", stats[1], stats[0],
                    spool.journalFsyncs());
            long closing = System.nanoTime();
            spool.close(); // writes whatever the journal still holds to queue/
            double drain = (System.nanoTime() - closing) / 1e9;
            return new double[] {rate[0], rate[1], drain};
        } finally {
            seriesOver.countDown(); // a failed series must not leave the materialiser waiting
            spool.close();
        }
    }

    /** Files whose creation by the materialiser waits for {@code released}; every other thread's goes ahead. */
    private static SpoolFiles materialiserHeldUntil(java.util.concurrent.CountDownLatch released) {
        return new HeldBackFiles(released, file -> Thread.currentThread().getName().equals(Materialiser.THREAD_NAME));
    }

    private static double[] baseline(Path dir, int threads, int seconds) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path target = Files.createDirectories(dir.resolve("new"));
        byte[] doc = Jobs.content(1, JOB);
        AtomicLong names = new AtomicLong();
        return timed(threads, seconds, () -> {
            String name = Long.toString(names.incrementAndGet());
            Path file = tmp.resolve(name);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(doc);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(file, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel d = FileChannel.open(target, StandardOpenOption.READ)) {
                d.force(true);
            }
        });
    }

    private static double big(Path dir, int mib, int chunkKib) throws Exception {
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults().withQuotaBytes(Long.MAX_VALUE))) {
            ByteBuffer whole = ByteBuffer.allocateDirect(1 << 20);
            whole.put(Jobs.content(7, 1 << 20)).flip();
            int chunkBytes = chunkKib > 0 ? chunkKib << 10 : 1 << 20;
            ByteBuffer chunk = chunkKib > 0 ? ByteBuffer.wrap(Jobs.content(7, chunkBytes)) : whole;
            long chunks = ((long) mib << 20) / chunkBytes;
            // one small job first, so that class loading (JSON codec, digest, thread pools) is not timed, and
            // 256 MiB hashed in memory so that SHA-256 runs compiled, as in a server that has been up a while
            Jobs.submit(spool, "warm-up", Jobs.content(8, 4096));
            MessageDigest warm = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 256; i++) {
                warm.update(whole.duplicate());
            }
            restDisk();
            long start = System.nanoTime();
            try (JobUpload upload = spool.begin(JobHeader.of("big").withDeclaredSize((long) mib << 20))) {
                for (long i = 0; i < chunks; i++) {
                    upload.write(chunk.duplicate());
                }
                long written = System.nanoTime();
                upload.commit();
                System.err.printf("  streamed in %.2f s, commit (fsync) took %.2f s%n", (written - start) / 1e9,
                        (System.nanoTime() - written) / 1e9);
            }
            double secondsTaken = (System.nanoTime() - start) / 1e9;
            return ((double) mib * (1 << 20) / 1e6) / secondsTaken;
        }
    }

    /** The baseline for {@link #big}: same bytes, same chunks, no spool (no hashing, no renames). */
    private static double bigJava(Path dir, int mib) throws Exception {
        Files.createDirectories(dir);
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        chunk.put(Jobs.content(7, 1 << 20)).flip();
        restDisk();
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(dir.resolve("big.data"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (int i = 0; i < mib; i++) {
                ByteBuffer b = chunk.duplicate();
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
            channel.force(true);
        }
        double secondsTaken = (System.nanoTime() - start) / 1e9;
        return ((double) mib * (1 << 20) / 1e6) / secondsTaken;
    }

    /**
     * This virtual disk writes several times faster after a rest than under sustained load; every big write
     * (and dd in run.sh) starts after the same idle time, so that none inherits another's backlog.
     */
    private static void restDisk() throws InterruptedException {
        Thread.sleep(Long.getLong("bench.rest.ms", 0));
    }

    private interface Op {
        void run() throws IOException;
    }

    /** Runs {@code op} on {@code threads} threads for {@code seconds}; operations per second and p99 ms. */
    private static double[] timed(int threads, int seconds, Op op) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<long[]> latencies = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        long began = System.nanoTime();
                        op.run();
                        if (n < mine.length) {
                            mine[n++] = System.nanoTime() - began;
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
                latencies.add(java.util.Arrays.copyOf(mine, n));
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6;
        return new double[] {rate, p99};
    }
}
