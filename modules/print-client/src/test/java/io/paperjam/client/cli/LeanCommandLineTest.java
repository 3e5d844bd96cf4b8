package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.client.cli.PrintClientMain.Subcommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A run that names one subcommand builds only that one; anything else gets the whole tree. */
class LeanCommandLineTest {

    private static final List<String> NAMES = PrintClientMain.SUBCOMMANDS.stream().map(Subcommand::name).toList();

    @Test
    void subcommandTableMatchesTheCommandsOwnNames() {
        assertEquals(NAMES, List.copyOf(full().getSubcommands().keySet()));
    }

    @Test
    void globalOptionTablesMatchTheMixin() {
        Set<String> withValue = new TreeSet<>();
        Set<String> flags = new TreeSet<>();
        for (OptionSpec option : full().getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            (option.arity().max() > 0 && !option.type().equals(boolean.class) ? withValue : flags)
                    .addAll(List.of(option.names()));
        }
        assertEquals(new TreeSet<>(SubcommandName.OPTIONS_WITH_VALUE), withValue);
        assertEquals(new TreeSet<>(SubcommandName.FLAGS), flags);
    }

    @Test
    void findsTheSubcommandPastGlobalOptions() {
        assertEquals(Optional.of("submit"), name("submit", "a.pdf"));
        assertEquals(Optional.of("status"), name("--port", "6310", "--json", "-v", "status"));
        assertEquals(Optional.of("jobs"), name("--host=printer", "--tls", "--timeout", "2", "jobs", "--all"));
        assertEquals(Optional.of("fault"), name("--token", "submit", "fault", "list"), "an option's value is no name");
    }

    @Test
    void givesNoAnswerWhenAnythingUnusualComesFirst() {
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("-V", "status"),
                List.of("--bogus", "status"), List.of("--port"), List.of("@args.txt"), List.of("submti", "a.pdf"),
                List.of("-", "status"), List.of("--json=true", "status"))) {
            assertEquals(Optional.empty(), name(args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void namedStandaloneSubcommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("submit"), built("--port", "1", "submit", "a.txt"));
        assertEquals(Set.of("fault"), built("fault", "list"));
        assertEquals(Set.copyOf(List.of("set", "clear", "list")),
                commandLine("fault", "list").getSubcommands().get("fault").getSubcommands().keySet());
    }

    @Test
    void helpCompletionAndMistakesGetTheWholeTree() {
        Set<String> all = Set.copyOf(NAMES);
        for (String[] args : List.of(new String[] {"help", "submit"}, new String[] {"completion"},
                new String[] {"--help"}, new String[] {"sbumit"}, new String[0])) {
            assertEquals(all, built(args), String.join(" ", args));
        }
    }

    @Test
    void faultHelpListsTheFaultsInTheLeanTreeToo() {
        List<String> lean = List.of(commandLine("fault", "set", "--help").getSubcommands().get("fault")
                .getSubcommands().get("set").getCommandSpec().usageMessage().footer());
        List<String> whole = List.of(full().getSubcommands().get("fault").getSubcommands().get("set")
                .getCommandSpec().usageMessage().footer());
        assertEquals(whole, lean);
        assertTrue(lean.contains("Faults:"), lean.toString());
    }

    private static Optional<String> name(String... args) {
        return SubcommandName.in(args, NAMES);
    }

    private static Set<String> built(String... args) {
        return commandLine(args).getSubcommands().keySet();
    }

    private static CommandLine commandLine(String... args) {
        return PrintClientMain.newCommandLine(environment(), discard(), discard(), args);
    }

    private static CommandLine full() {
        return PrintClientMain.newCommandLine(environment(), discard(), discard());
    }

    private static CliEnvironment environment() {
        return new CliEnvironment(InputStream.nullInputStream(), Map.of(), Path.of("."), false,
                ZoneOffset.UTC);
    }

    private static PrintWriter discard() {
        return new PrintWriter(Writer.nullWriter());
    }
}
