package io.paperjam.client.cli;

import io.paperjam.client.bench.BenchResult;
import io.paperjam.client.bench.BenchSettings;
import io.paperjam.client.bench.LoadRun;
import io.paperjam.client.bench.Quantities;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** print-client bench: a load generator measuring jobs/s, MB/s and acknowledgement latency of a printer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Load-test a printer: CONNECTIONS connections, opened once and reused, each submitting "
            + "jobs of SIZE bytes and waiting for every acknowledgement, until COUNT jobs were sent or TIME "
            + "is over. Reports jobs/s, MB/s, ack latency p50/p99/p99.9/max and errors by code.",
            "Every job is stored (and fsynced) by the printer: point it at a server started for the purpose, "
                + "e.g. printer-server --spool /tmp/bench-spool --port 0 --ppm 0 --quota-jobs 1000000 "
                + "--retain-jobs 0."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  print-client bench",
            "  print-client bench --connections 64 --size 4K --count 100000 --duration 30s",
            "  print-client --port 6311 bench --connections 1 --duration 10s --json",
            "",
            "Only loopback printers unless --allow-remote: a load test is not for someone else's server.",
            "Exit status 1 when any job failed, 4 when no connection could be opened."})
final class BenchCommand extends ClientCommand {

    @Option(names = {"-c", "--connections"}, paramLabel = "N",
            description = "concurrent connections, 1-" + BenchSettings.MAX_CONNECTIONS + " (default: ${DEFAULT-VALUE})")
    int connections = BenchSettings.DEFAULT_CONNECTIONS;

    @Option(names = {"-s", "--size"}, paramLabel = "SIZE", description = "bytes per job, e.g. 4K, 1M (default: 4K)")
    String size = "4K";

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "most jobs in all (default: ${DEFAULT-VALUE})")
    long count = BenchSettings.DEFAULT_COUNT;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", description = "longest run, e.g. 30s, 2m (default: 10s)")
    String duration = "10s";

    @Option(names = "--sender", paramLabel = "selector|lean|library",
            description = "selector: non-blocking sockets on --threads event loops, the least client CPU; "
                + "lean: a blocking socket and a thread per connection; library: the PrintClient library, "
                + "a thread per connection (default: selector)")
    String sender = "selector";

    @Option(names = "--threads", paramLabel = "N",
            description = "event-loop threads of the selector sender, 1-" + BenchSettings.MAX_THREADS
                + " (default: ${DEFAULT-VALUE}, which leaves the most CPU to a printer on this machine)")
    int threads = BenchSettings.DEFAULT_THREADS;

    @Option(names = "--allow-remote", description = "allow a printer that is not on this machine")
    boolean allowRemote;

    @Override
    protected int run() throws Exception {
        BenchSettings settings = settingsFromOptions();
        if (!allowRemote && !isLoopback(settings.host())) {
            throw new CliException(ExitCodes.USAGE, "refusing to load-test " + settings.host()
                    + ", which is not this machine; add --allow-remote if you mean it");
        }
        if (!json()) {
            err().printf("bench: %d connection(s) to %s:%d, %s jobs, until %d jobs or %s%n", settings.connections(),
                    settings.host(), settings.port(), size, settings.count(), duration);
            err().flush();
        }
        BenchResult result = new LoadRun(settings).run();
        if (json()) {
            printJson(result);
        } else {
            out().print(result.text());
            out().flush();
        }
        if (result.jobs() == 0 && result.errorsByCode().keySet().stream().allMatch(BenchCommand::transport)) {
            return ExitCodes.UNREACHABLE;
        }
        return result.errors() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private BenchSettings settingsFromOptions() throws CliException {
        try {
            long bytes = Quantities.bytes(size);
            if (bytes > BenchSettings.MAX_JOB_BYTES) {
                throw new IllegalArgumentException("--size must be at most " + BenchSettings.MAX_JOB_BYTES + " bytes");
            }
            Globals g = globals();
            BenchSettings.Sender how = switch (sender) {
                case "selector" -> BenchSettings.Sender.SELECTOR;
                case "lean" -> BenchSettings.Sender.LEAN;
                case "library" -> BenchSettings.Sender.LIBRARY;
                default -> throw new IllegalArgumentException(
                        "--sender must be selector, lean or library, not " + sender);
            };
            return BenchSettings.defaults().withHost(g.host()).withPort(g.port()).withConnections(connections)
                    .withJobBytes((int) bytes).withCount(count).withDuration(Quantities.time(duration))
                    .withTimeout(g.timeout()).withSender(how).withThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private static boolean transport(String code) {
        return code.equals("connect-failed") || code.equals("connection-lost") || code.equals("timeout");
    }

    private static boolean isLoopback(String host) throws CliException {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "unknown host " + host);
        }
    }
}
