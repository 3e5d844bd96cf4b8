package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.client.Watch;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.Json;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** print-client watch: prints the printer's events as they happen. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print job and printer events as they happen, until interrupted (Ctrl-C), --count events "
                + "or --for seconds.",
        footerHeading = "%nExamples:%n",
        footer = {"  print-client watch", "  print-client watch --count 10", "  print-client watch --for 30 --json"})
final class WatchCommand extends ClientCommand {

    @Option(names = "--count", paramLabel = "N", description = "stop after N events")
    Long count;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after this many seconds")
    Double seconds;

    @Override
    protected int run() throws Exception {
        if ((count != null && count < 1) || (seconds != null && seconds <= 0)) {
            throw new CliException(ExitCodes.USAGE, "--count and --for must be positive");
        }
        EventText text = new EventText(environment().zone());
        long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(seconds * 1e9);
        long seen = 0;
        try (PrintClient client = connect(); Watch watch = client.watch()) {
            while (count == null || seen < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Optional<Event> event = watch.next(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
                if (event.isPresent()) {
                    seen++;
                    out().println(json() ? Json.text(event.get()) : text.describe(event.get()));
                    out().flush();
                }
            }
        }
        return ExitCodes.OK;
    }
}
