package io.paperjam.client.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the command line reads from the world besides its arguments, so tests can supply their own.
 *
 * @param terminal true when a person watches the output, so progress bars make sense
 */
public record CliEnvironment(InputStream stdin, Map<String, String> env, Path workingDir, boolean terminal,
                             ZoneId zone) {

    /** The real process: System.in, the process environment, the current folder, System.console(). */
    public static CliEnvironment system() {
        return new CliEnvironment(System.in, System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null, ZoneId.systemDefault());
    }

    public CliEnvironment withStdin(InputStream value) {
        return new CliEnvironment(value, env, workingDir, terminal, zone);
    }

    public CliEnvironment withEnv(Map<String, String> value) {
        return new CliEnvironment(stdin, Map.copyOf(value), workingDir, terminal, zone);
    }

    public CliEnvironment withWorkingDir(Path value) {
        return new CliEnvironment(stdin, env, value, terminal, zone);
    }

    public CliEnvironment withTerminal(boolean value) {
        return new CliEnvironment(stdin, env, workingDir, value, zone);
    }
}
