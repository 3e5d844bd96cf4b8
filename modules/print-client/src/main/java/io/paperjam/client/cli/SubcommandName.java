package io.paperjam.client.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the subcommand a command line names by looking past the global options in front of it,
 * without building picocli's model. Anything it does not recognise there (help, version, an
 * unknown option, an argument file) gives no answer, and the caller builds the whole tree, so
 * picocli reports it exactly as before.
 */
final class SubcommandName {

    /** The {@link GlobalOptions} that take a value, as one argument after them or after '='. */
    static final Set<String> OPTIONS_WITH_VALUE = Set.of("--host", "--port", "--token", "--spool", "--tls-trust",
            "--timeout");
    /** The {@link GlobalOptions} that take none. */
    static final Set<String> FLAGS = Set.of("--tls", "--json", "-v", "--verbose");

    private SubcommandName() {
    }

    /** The first of {@code names} that {@code args} name as their subcommand, if nothing unusual comes before it. */
    static Optional<String> in(String[] args, List<String> names) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return names.contains(arg) ? Optional.of(arg) : Optional.empty();
            }
            int equals = arg.indexOf('=');
            if (equals > 0 && OPTIONS_WITH_VALUE.contains(arg.substring(0, equals))) {
                continue;
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;   // its value
            } else if (!FLAGS.contains(arg)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
