package io.paperjam.spool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process that {@link CrashTest} kills: writers commit jobs and print "C id seed size sha256 ." once
 * commit returned; a scheduler prints "S id STATE pagesDone ." once a state change returned.
 * The fourth argument is "on" or "off" for the journal. With "hold" it only opens the spool, prints "ready" and waits for stdin to close.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** The settings of the child and of the checking parent: "on" = default journal, "off" = no journal. */
    static SpoolSettings settings(String journal) {
        SpoolSettings settings = SpoolSettings.defaults().withRetainDoneJobs(1_000_000);
        return journal.equals("on") ? settings.withJournalMaxBytes(SpoolSettings.DEFAULT_JOURNAL_MAX_BYTES)
                : settings.withJournalMaxBytes(0);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        if (args[1].equals("hold")) {
            try (Spool spool = Spool.open(root, SpoolSettings.defaults())) {
                out.println("ready " + ProcessHandle.current().pid());
                while (System.in.read() >= 0) {
                    // hold the lock until the parent closes our stdin or kills us
                }
            }
            return;
        }
        long seed = Long.parseLong(args[1]);
        int writers = Integer.parseInt(args[2]);
        Spool spool = Spool.open(root, settings(args.length > 3 ? args[3] : "on"));
        out.println("ready");
        AtomicBoolean failed = new AtomicBoolean();
        for (int w = 0; w < writers; w++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + w);
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        long jobSeed = random.nextLong();
                        // half small enough for the journal (when it is on and the size is declared)
                        int size = random.nextBoolean() ? random.nextInt(64 * 1024 + 1) : random.nextInt(256 * 1024 + 1);
                        byte[] doc = Jobs.content(jobSeed, size);
                        JobHeader header = JobHeader.of("crash-" + jobSeed);
                        if (random.nextBoolean()) {
                            header = header.withDeclaredSize(size).withDeclaredSha256(Jobs.sha256(doc));
                        }
                        JobRecord job = Jobs.submit(spool, header, doc);
                        out.println("C " + job.id() + " " + jobSeed + " " + size + " " + job.sha256() + " .");
                    }
                } catch (Exception e) {
                    failed.set(true);
                    org.slf4j.LoggerFactory.getLogger(CrashChild.class).error("writer failed", e);
                }
            }, "writer-" + w);
            writer.start();
        }
        SplittableRandom random = new SplittableRandom(seed);
        while (!failed.get()) {
            for (JobRecord job : spool.queued()) {
                long id = job.id();
                spool.activate(id);
                out.println("S " + id + " ACTIVE " + job.pagesDone() + " .");
                int pages = job.pagesDone() + 1 + random.nextInt(3);
                spool.progress(id, pages);
                out.println("S " + id + " ACTIVE " + pages + " .");
                if (random.nextInt(4) == 0) {
                    spool.requeue(id);
                    out.println("S " + id + " QUEUED " + pages + " .");
                } else {
                    spool.finish(id, JobOutcome.COMPLETED, null);
                    out.println("S " + id + " DONE " + pages + " .");
                }
            }
            Thread.onSpinWait();
        }
    }
}
