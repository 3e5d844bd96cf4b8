package io.paperjam.client.bench;

import io.paperjam.client.bench.NioConnection.State;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread driving many connections through a selector, each in a closed loop: write the job,
 * read its reply line, record, take the next ticket. No thread per connection, no context switch
 * per reply, no parsing of an acknowledgement: the CPU stays with the server being measured.
 */
final class SelectorLoop implements Runnable {

    /** How often rests and timeouts are looked at; also the longest the selector sleeps. */
    static final long HOUSEKEEPING_MILLIS = 20;
    private static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(HOUSEKEEPING_MILLIS);
    private static final long RECONNECT_PAUSE_NANOS =
            TimeUnit.MILLISECONDS.toNanos(ThreadPerConnection.RECONNECT_PAUSE_MILLIS);
    private static final Logger log = LoggerFactory.getLogger(SelectorLoop.class);

    final Histogram latencies = LoadEngine.newHistogram();
    private final List<NioConnection> connections;
    private final Tickets tickets;
    private final ErrorCounts errors;
    private final long timeoutNanos;
    private final CountDownLatch connected;
    private final CountDownLatch go;
    private Selector selector;
    private long now;
    private long lastHousekeeping;
    private int unfinished;
    /** Connections that lost their socket, to be restarted after this round of events (never recursively). */
    private final ArrayDeque<NioConnection> lostOnes = new ArrayDeque<>();

    SelectorLoop(List<NioConnection> connections, Tickets tickets, ErrorCounts errors, long timeoutNanos,
                 CountDownLatch connected, CountDownLatch go) {
        this.connections = connections;
        this.tickets = tickets;
        this.errors = errors;
        this.timeoutNanos = timeoutNanos;
        this.connected = connected;
        this.go = go;
        this.unfinished = connections.size();
    }

    @Override
    public void run() {
        try (Selector s = Selector.open()) {
            selector = s;
            try {
                connectAll();
            } finally {
                connected.countDown();
            }
            go.await();
            now = System.nanoTime();
            for (NioConnection c : connections) {
                next(c);   // each job takes a ticket, the first too; a failed first connect is retried
            }
            drive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("bench: the event loop failed: {}", e.toString());
        } finally {
            connections.forEach(NioConnection::close);
        }
    }

    /** Connects every connection before the clock starts; a failure is counted, not fatal. */
    private void connectAll() throws IOException {
        now = System.nanoTime();
        int pending = 0;
        for (NioConnection c : connections) {
            try {
                if (!c.startConnect(selector, now)) {
                    pending++;
                }
            } catch (IOException e) {
                firstConnectFailed(c, e);
            }
        }
        long giveUp = now + timeoutNanos;
        while (pending > 0 && now - giveUp < 0 && !Thread.currentThread().isInterrupted()) {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUp - now)));
            now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                NioConnection c = (NioConnection) key.attachment();
                try {
                    if (c.finishConnect()) {
                        pending--;
                    }
                } catch (IOException e) {
                    pending--;
                    firstConnectFailed(c, e);
                }
            }
            selector.selectedKeys().clear();
        }
        for (NioConnection c : connections) {
            try {
                if (c.state == State.CONNECTING && !c.finishConnect()) {
                    firstConnectFailed(c, new IOException("connect timed out"));
                }
            } catch (IOException e) {
                firstConnectFailed(c, e);
            }
        }
    }

    private void firstConnectFailed(NioConnection c, IOException e) {
        log.debug("connect failed: {}", e.toString());
        errors.count(ErrorCounts.CONNECT_FAILED);
        c.close();
    }

    private void drive() throws IOException {
        lastHousekeeping = now;
        while (unfinished > 0 && !Thread.currentThread().isInterrupted()) {
            for (NioConnection c; (c = lostOnes.poll()) != null; ) {
                next(c);
            }
            if (unfinished == 0) {
                break;
            }
            selector.select(this::ready, HOUSEKEEPING_MILLIS);
            now = System.nanoTime();
            if (now - lastHousekeeping >= HOUSEKEEPING_NANOS) {
                lastHousekeeping = now;
                housekeeping();
            }
        }
    }

    private void ready(SelectionKey key) {
        NioConnection c = (NioConnection) key.attachment();
        now = System.nanoTime();
        try {
            if (c.state == State.CONNECTING) {
                if (c.finishConnect()) {
                    begin(c);
                }
                return;
            }
            if (c.state != State.IN_JOB) {
                return;
            }
            if (!c.sent && key.isWritable()) {
                c.send(now);
            }
            if (!c.replied && key.isReadable()) {
                int length = c.receive(now);
                if (length != NioConnection.NO_LINE) {
                    c.answered = System.nanoTime();   // the line's end was just read: the job's latency ends here
                    c.errorCode = ReplyLine.errorCode(c.replyBytes(), length);
                    c.consumeLine(length);
                    c.markReplied();
                }
            }
            if (c.sent && c.replied) {
                finishJob(c);
            }
        } catch (IOException e) {
            if (c.state == State.CONNECTING) {
                connectFailed(c, e);
            } else {
                lost(c, ErrorCounts.CONNECTION_LOST, e);
            }
        }
    }

    /** Sends the connection's job from its first byte; the latency is counted from here. */
    private void begin(NioConnection c) {
        c.begin(now);
        try {
            c.send(now);
        } catch (IOException e) {
            lost(c, ErrorCounts.CONNECTION_LOST, e);
        }
    }

    private void finishJob(NioConnection c) {
        if (c.errorCode == null) {
            long micros = (c.answered - c.began) / 1000;
            latencies.recordValue(Math.min(micros, LoadEngine.HIGHEST_MICROS));
        } else {
            errors.count(c.errorCode);
        }
        next(c);
    }

    /** The connection's next job, reconnecting first if it has no socket; the end when tickets ran out. */
    private void next(NioConnection c) {
        if (!tickets.take()) {
            c.close();
            c.state = State.FINISHED;
            unfinished--;
            return;
        }
        if (c.isOpen()) {
            begin(c);
            return;
        }
        try {
            if (c.startConnect(selector, now)) {
                begin(c);
            }
        } catch (IOException e) {
            connectFailed(c, e);
        }
    }

    /** A reconnect that failed: counted like a first one, then the connection rests before it tries again. */
    private void connectFailed(NioConnection c, IOException e) {
        firstConnectFailed(c, e);
        c.state = State.RESTING;
        c.restUntil = now + Math.max(0, Math.min(RECONNECT_PAUSE_NANOS, tickets.deadlineNanos() - now));
    }

    private void lost(NioConnection c, String code, IOException e) {
        log.debug("connection failed: {}", e.toString());
        errors.count(code);
        c.close();
        lostOnes.add(c);
    }

    /** Ends rests that are over and gives up on connections silent for longer than the timeout. */
    private void housekeeping() {
        for (NioConnection c : connections) {
            if (c.state == State.RESTING && now - c.restUntil >= 0) {
                c.state = State.CLOSED;
                next(c);
            } else if (c.state == State.CONNECTING && now - c.lastProgress > timeoutNanos) {
                connectFailed(c, new IOException("connect timed out"));
            } else if (c.state == State.IN_JOB && now - c.lastProgress > timeoutNanos) {
                lost(c, ErrorCounts.TIMEOUT, new IOException("no reply within the timeout"));
            }
        }
    }
}
