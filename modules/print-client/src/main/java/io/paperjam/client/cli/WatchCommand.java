package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.client.PrintClientException;
import io.paperjam.client.Watch;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** print-client watch: prints the printer's events as they happen. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print job and printer events as they happen, until interrupted (Ctrl-C), --count events "
                + "or --for seconds.",
        footerHeading = "%nExamples:%n",
        footer = {"  print-client watch", "  print-client watch --count 10", "  print-client watch --for 30 --json",
            "  print-client watch --reconnect        # keeps watching across printer restarts"})
final class WatchCommand extends ClientCommand {

    /** First wait before trying a lost printer again; doubled after each failure up to {@link #RETRY_MAX}. */
    static final Duration RETRY_FIRST = Duration.ofMillis(250);
    static final Duration RETRY_MAX = Duration.ofSeconds(5);

    @Option(names = "--count", paramLabel = "N", description = "stop after N events")
    Long count;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after this many seconds")
    Double seconds;

    @Option(names = "--reconnect", description = "when the printer is not there or goes away, say so on stderr and "
            + "keep trying (every 0.25 s at first, at most 5 s apart) instead of exiting with status 4; events while "
            + "it was away are missed; the printer's state is printed each time the watch (re)connects")
    boolean reconnect;

    @Override
    protected int run() throws Exception {
        if ((count != null && count < 1) || (seconds != null && seconds <= 0)) {
            throw new CliException(ExitCodes.USAGE, "--count and --for must be positive");
        }
        EventText text = new EventText(environment().zone());
        long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(seconds * 1e9);
        long seen = 0;
        Watch watch = reconnect ? rewatch(null, deadline) : openWatch().watch();
        try {
            while ((count == null || seen < count) && watch != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    Optional<Event> event = watch.next(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
                    if (event.isPresent()) {
                        seen++;
                        out().println(json() ? Json.text(event.get()) : text.describe(event.get()));
                        out().flush();
                    }
                } catch (PrintClientException lost) {
                    if (!reconnect) {
                        throw lost;
                    }
                    watch.close();
                    watch = rewatch(lost, deadline);
                }
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
        return ExitCodes.OK;
    }

    /** A watch and the printer's state when it opened; the watch has a connection of its own. */
    private record Opened(Watch watch, String state) {
    }

    private Opened openWatch() throws Exception {
        try (PrintClient client = connect()) {
            Watch watch = client.watch();
            try {
                return new Opened(watch, PrinterText.describe(client.status()));
            } catch (PrintClientException e) {
                watch.close();
                throw e;
            }
        }
    }

    /**
     * A watch once the printer answers, or null when the deadline comes first. {@code away} is why the last
     * one ended (null at start-up: then nothing is said unless the first try fails).
     */
    private Watch rewatch(PrintClientException away, long deadline) throws Exception {
        if (away != null) {
            sayAway(away);
        }
        Duration wait = RETRY_FIRST;
        boolean missed = away != null;
        while (deadline - System.nanoTime() > 0) {
            try {
                Opened opened = openWatch();
                if (missed) {
                    err().println("print-client: reconnected; events while away were missed");
                    err().flush();
                }
                if (!json()) { // where the printer stands, since what happened while away is not known
                    out().println(new EventText(environment().zone()).now(Instant.now()) + " " + opened.state());
                    out().flush();
                }
                return opened.watch();
            } catch (PrintClientException stillAway) {
                if (!missed) {
                    sayAway(stillAway);
                    missed = true;
                }
            }
            long left = deadline - System.nanoTime();
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), left / 1_000_000)));
            wait = wait.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : wait.multipliedBy(2);
        }
        return null;
    }

    private void sayAway(PrintClientException why) {
        err().println("print-client: cannot reach the printer (" + why.getMessage() + "); trying again");
        err().flush();
    }
}
