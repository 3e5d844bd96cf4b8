package io.paperjam.client.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * One load run: where to connect, how many connections, how big each job is, and when to stop
 * (after {@code count} jobs or {@code duration}, whichever comes first).
 *
 * @param host the printer's host; loopback unless {@code allowRemote}
 * @param port the printer's JSON-header port
 * @param connections connections opened at the start and reused for every job
 * @param jobBytes bytes of each job's document
 * @param count most jobs submitted in all
 * @param duration longest the run lasts
 * @param timeout longest wait for one acknowledgement (or a connect)
 * @param sender how jobs are sent: event loops over a selector, a blocking socket per thread, or the library
 * @param threads event-loop threads of the selector sender (the other senders use one per connection)
 */
public record BenchSettings(String host, int port, int connections, int jobBytes, long count, Duration duration,
                            Duration timeout, Sender sender, int threads) {

    /** How a connection sends its jobs. */
    public enum Sender {
        /**
         * Non-blocking sockets driven by {@code threads} selector loops, the request encoded once and
         * acknowledgements recognised without parsing: the least client CPU per job.
         */
        SELECTOR,
        /** A plain socket: the request line and document in one write, the reply line read back. */
        LEAN,
        /** {@link io.paperjam.client.PrintClient#submit}, as an application would. */
        LIBRARY
    }

    public static final int DEFAULT_CONNECTIONS = 8;
    public static final int MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_JOB_BYTES = 4096;
    /** Each connection holds its job in memory, so jobs are kept well under the heap. */
    public static final int MAX_JOB_BYTES = 64 << 20;
    public static final long DEFAULT_COUNT = 100_000;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration MAX_DURATION = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** One loop leaves the most CPU to a printer on the same machine. */
    public static final int DEFAULT_THREADS = 1;
    public static final int MAX_THREADS = 64;

    public BenchSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sender, "sender");
        check(port >= 1 && port <= 65535, "port must be from 1 to 65535, not " + port);
        check(connections >= 1 && connections <= MAX_CONNECTIONS,
                "connections must be from 1 to " + MAX_CONNECTIONS + ", not " + connections);
        check(jobBytes >= 0 && jobBytes <= MAX_JOB_BYTES,
                "job size must be from 0 to " + MAX_JOB_BYTES + " bytes, not " + jobBytes);
        check(count >= 1, "count must be at least 1, not " + count);
        check(!duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_DURATION) <= 0,
                "duration must be above 0 and at most " + MAX_DURATION.toMinutes() + " minutes, not " + duration);
        check(!timeout.isNegative() && !timeout.isZero(), "timeout must be above 0");
        check(threads >= 1 && threads <= MAX_THREADS, "threads must be from 1 to " + MAX_THREADS + ", not " + threads);
    }

    /** 127.0.0.1:6310, 8 connections, 4 KiB jobs, 100,000 jobs or 10 s, selector sender on one thread. */
    public static BenchSettings defaults() {
        return new BenchSettings("127.0.0.1", io.paperjam.protocol.Protocol.DEFAULT_PORT, DEFAULT_CONNECTIONS,
                DEFAULT_JOB_BYTES, DEFAULT_COUNT, DEFAULT_DURATION, DEFAULT_TIMEOUT, Sender.SELECTOR, DEFAULT_THREADS);
    }

    public BenchSettings withHost(String value) {
        return new BenchSettings(value, port, connections, jobBytes, count, duration, timeout, sender, threads);
    }

    public BenchSettings withPort(int value) {
        return new BenchSettings(host, value, connections, jobBytes, count, duration, timeout, sender, threads);
    }

    public BenchSettings withConnections(int value) {
        return new BenchSettings(host, port, value, jobBytes, count, duration, timeout, sender, threads);
    }

    public BenchSettings withJobBytes(int value) {
        return new BenchSettings(host, port, connections, value, count, duration, timeout, sender, threads);
    }

    public BenchSettings withCount(long value) {
        return new BenchSettings(host, port, connections, jobBytes, value, duration, timeout, sender, threads);
    }

    public BenchSettings withDuration(Duration value) {
        return new BenchSettings(host, port, connections, jobBytes, count, value, timeout, sender, threads);
    }

    public BenchSettings withTimeout(Duration value) {
        return new BenchSettings(host, port, connections, jobBytes, count, duration, value, sender, threads);
    }

    public BenchSettings withSender(Sender value) {
        return new BenchSettings(host, port, connections, jobBytes, count, duration, timeout, value, threads);
    }

    public BenchSettings withThreads(int value) {
        return new BenchSettings(host, port, connections, jobBytes, count, duration, timeout, sender, value);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
