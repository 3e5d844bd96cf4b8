package io.paperjam.client.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed jobs by code, counted from any thread: the printer's error codes and the transport's own. */
final class ErrorCounts {

    static final String CONNECT_FAILED = "connect-failed";
    static final String CONNECTION_LOST = "connection-lost";
    static final String TIMEOUT = "timeout";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String code) {
        counts.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by code. */
    Map<String, Long> snapshot() {
        Map<String, Long> byCode = new TreeMap<>();
        counts.forEach((code, n) -> byCode.put(code, n.sum()));
        return byCode;
    }
}
