package io.paperjam.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperjam.protocol.Json;
import io.paperjam.spool.Anomaly;
import io.paperjam.spool.InspectedJob;
import io.paperjam.spool.SpoolInspector;
import io.paperjam.spool.SpoolReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** print-client spool: looks at a spool folder directly, without a server. */
@Command(name = "spool", mixinStandardHelpOptions = true,
        description = "Work on a spool folder directly, without a server.",
        subcommands = SpoolCommand.Inspect.class,
        footerHeading = "%nExamples:%n", footer = {"  print-client spool inspect", "  print-client spool inspect /var/spool/paperjam"})
final class SpoolCommand implements HasGlobalOptions {

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "List every job in a spool folder (state, size, short checksum, age) and every anomaly "
                    + "found (orphans, corrupt control files, leftovers). Read-only: safe while a server runs.",
            footerHeading = "%nExamples:%n",
            footer = {"  print-client spool inspect", "  print-client spool inspect ./spool --json"})
    static final class Inspect extends ClientCommand {

        /** Characters of the SHA-256 shown in the table; enough to tell documents apart by eye. */
        static final int SHORT_SHA = 12;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "the spool folder (default: --spool or ./spool)")
        Path dir;

        @Override
        protected int run() throws Exception {
            Path root = dir != null ? environment().workingDir().resolve(dir) : globals().spool();
            SpoolReport report = SpoolInspector.inspect(root);
            if (json()) {
                printJson(toJson(report));
                return ExitCodes.OK;
            }
            out().println("spool " + report.root() + ": " + (report.ownedByRunningProcess()
                    ? "in use" + (report.owner() == null ? "" : " by " + report.owner()) : "not in use by a server"));
            if (report.jobs().isEmpty()) {
                out().println("no jobs");
            } else {
                table(report.jobs()).forEach(out()::println);
            }
            if (report.anomalies().isEmpty()) {
                out().println("no anomalies");
            } else {
                out().println(report.anomalies().size() + (report.anomalies().size() == 1 ? " anomaly:" : " anomalies:"));
                for (Anomaly a : report.anomalies()) {
                    out().println("  " + a.kind() + "  " + relative(report.root(), a.path()) + "  " + a.detail());
                }
            }
            out().flush();
            return ExitCodes.OK;
        }

        private static List<String> table(List<InspectedJob> jobs) {
            List<String> lines = new ArrayList<>();
            String format = "%-6s %-7s %-24s %10s  %-12s  %8s  %5s  %s";
            lines.add(String.format(format, "ID", "STATE", "NAME", "SIZE", "SHA256", "AGE", "PAGES", "OUTCOME").stripTrailing());
            for (InspectedJob job : jobs) {
                String outcome = job.outcome() == null ? "" : job.outcome().name().toLowerCase(Locale.ROOT)
                        + (job.reason() == null ? "" : " (" + job.reason() + ")");
                lines.add(String.format(format, job.id(), job.state().name().toLowerCase(Locale.ROOT),
                        cut(job.name()), Sizes.human(job.size()),
                        job.sha256() == null ? "-" : job.sha256().substring(0, Math.min(SHORT_SHA, job.sha256().length())),
                        age(job.age()), job.pagesDone(), outcome).stripTrailing());
            }
            return lines;
        }

        private static ObjectNode toJson(SpoolReport report) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("root", report.root().toString());
            root.put("inUse", report.ownedByRunningProcess());
            root.put("owner", report.owner());
            ArrayNode jobs = root.putArray("jobs");
            for (InspectedJob job : report.jobs()) {
                ObjectNode node = jobs.addObject();
                node.put("id", job.id()).put("name", job.name()).put("state", job.state().name().toLowerCase(Locale.ROOT))
                        .put("size", job.size()).put("sha256", job.sha256())
                        .put("arrived", job.arrived() == null ? null : job.arrived().toString())
                        .put("ageSeconds", job.age() == null ? null : job.age().toSeconds())
                        .put("pagesDone", job.pagesDone())
                        .put("outcome", job.outcome() == null ? null : job.outcome().name().toLowerCase(Locale.ROOT))
                        .put("reason", job.reason());
            }
            ArrayNode anomalies = root.putArray("anomalies");
            for (Anomaly a : report.anomalies()) {
                anomalies.addObject().put("kind", a.kind()).put("path", a.path().toString()).put("detail", a.detail());
            }
            return root;
        }

        private static String relative(Path root, Path path) {
            return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
        }

        private static String cut(String name) {
            return name == null ? "-" : name.length() <= 24 ? name : name.substring(0, 21) + "...";
        }

        static String age(Duration age) {
            if (age == null) {
                return "-";
            }
            long s = Math.max(0, age.toSeconds());
            return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s < 86400 ? s / 3600 + "h" : s / 86400 + "d";
        }
    }
}
