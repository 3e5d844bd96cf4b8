package io.paperjam.server.core;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers printer events and hands each to every watcher, in order. Callers publish while holding
 * the printer's lock, which is what keeps the order; a listener that throws is logged and keeps
 * its subscription, and listeners are expected to enqueue and return at once.
 */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private long seq;

    EventBus(Clock clock) {
        this.clock = clock;
    }

    AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int watchers() {
        return listeners.size();
    }

    void publish(String type, Integer page, JobInfo job, PrinterInfo printer) {
        ++seq;
        if (listeners.isEmpty()) {
            return;   // nobody watches: no event to build (a job-queued per acknowledgement otherwise)
        }
        Event event = new Event(type, seq, clock.instant(), page, job, printer);
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed on {} #{}; printing goes on", type, event.seq(), e);
            }
        }
    }
}
