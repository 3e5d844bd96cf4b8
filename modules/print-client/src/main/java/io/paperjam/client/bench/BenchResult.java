package io.paperjam.client.bench;

import java.util.Map;

/**
 * What one load run measured. Latencies are of acknowledged jobs only, from the first byte sent to
 * the reply line read, in milliseconds; MB is 10^6 bytes of document.
 *
 * @param errorsByCode the printer's error codes (e.g. "spool-full"), plus "connect-failed",
 *                     "connection-lost" and "timeout" for transport failures, each with its count
 */
public record BenchResult(String sender, int connections, int jobBytes, long jobs, long errors,
                          Map<String, Long> errorsByCode, double seconds, double jobsPerSecond,
                          double megabytesPerSecond, double p50Millis, double p99Millis, double p999Millis,
                          double maxMillis, double meanMillis) {

    public BenchResult {
        errorsByCode = Map.copyOf(errorsByCode);
    }

    /** The human report: one line of rates, one of latencies, one of errors. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d jobs of %d bytes in %.2f s over %d connections (%s sender)%n",
                jobs, jobBytes, seconds, connections, sender));
        s.append(String.format("throughput: %.1f jobs/s, %.2f MB/s%n", jobsPerSecond, megabytesPerSecond));
        s.append(String.format("ack latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f%n",
                p50Millis, p99Millis, p999Millis, maxMillis, meanMillis));
        s.append("errors: ").append(errors);
        if (errors > 0) {
            s.append(" (");
            String sep = "";
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(errorsByCode).entrySet()) {
                s.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            s.append(')');
        }
        return s.append(String.format("%n")).toString();
    }
}
