package io.paperjam.client.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * The connections shared out over a few {@link SelectorLoop} threads (one by default), all writing the
 * same request bytes, encoded once into one direct buffer.
 */
final class SelectorLoad implements LoadEngine {

    private final BenchSettings settings;
    private final BenchJob job;

    SelectorLoad(BenchSettings settings, BenchJob job) {
        this.settings = settings;
        this.job = job;
    }

    @Override
    public Histogram run(Tickets tickets, ErrorCounts errors) throws InterruptedException {
        ByteBuffer wire = ByteBuffer.allocateDirect(job.wire().length).put(job.wire()).flip().asReadOnlyBuffer();
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        int loopCount = Math.min(settings.threads(), settings.connections());
        List<List<NioConnection>> shares = new ArrayList<>();
        for (int i = 0; i < loopCount; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < settings.connections(); i++) {
            shares.get(i % loopCount).add(new NioConnection(address, wire));
        }
        CountDownLatch connected = new CountDownLatch(loopCount);
        CountDownLatch go = new CountDownLatch(1);
        List<SelectorLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loopCount; i++) {
            SelectorLoop loop = new SelectorLoop(shares.get(i), tickets, errors, settings.timeout().toNanos(),
                    connected, go);
            Thread t = new Thread(loop, "bench-loop-" + i);
            t.setDaemon(true);
            loops.add(loop);
            threads.add(t);
            t.start();
        }
        LoadEngine.startAndJoin(threads, connected, go, tickets, settings.duration());
        Histogram all = LoadEngine.newHistogram();
        loops.forEach(loop -> all.add(loop.latencies));
        return all;
    }
}
