package io.paperjam.client.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The load generator behind {@code print-client bench}: every connection submits the same job and
 * waits for its acknowledgement before the next (a closed loop), until the run's job count is used
 * up or its time is over. Connections are opened before the clock starts and reused; a lost one is
 * reopened. How the connections are driven is the sender's choice (see {@link BenchSettings.Sender}).
 */
public final class LoadRun {

    private final BenchSettings settings;
    private final BenchJob job;

    public LoadRun(BenchSettings settings) {
        this.settings = settings;
        this.job = new BenchJob(settings.jobBytes());
    }

    /** Runs the load to its end and reports it. */
    public BenchResult run() throws InterruptedException {
        Tickets tickets = new Tickets(settings.count());
        ErrorCounts errors = new ErrorCounts();
        LoadEngine engine = settings.sender() == BenchSettings.Sender.SELECTOR
                ? new SelectorLoad(settings, job) : new ThreadPerConnection(settings, job);
        Histogram latencies = engine.run(tickets, errors);
        double seconds = (System.nanoTime() - tickets.startNanos()) / 1e9;
        return result(latencies, errors.snapshot(), seconds);
    }

    private BenchResult result(Histogram all, Map<String, Long> byCode, double seconds) {
        long jobs = all.getTotalCount();
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
}
