package io.paperjam.client.cli;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import io.paperjam.protocol.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base of every leaf command: global options, captured output streams, and a connected client. */
abstract class ClientCommand implements Callable<Integer>, HasGlobalOptions {

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globalOptions;

    private Globals globals;

    @Override
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Does the command's work and returns its exit status. */
    protected abstract int run() throws Exception;

    protected Globals globals() {
        if (globals == null) {
            globals = Globals.of(spec, environment());
        }
        return globals;
    }

    protected boolean json() {
        return globals().json();
    }

    protected CliEnvironment environment() {
        return ((PrintClientMain) spec.root().userObject()).environment();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Writes one JSON line to standard output. */
    protected void printJson(Object value) {
        out().println(Json.text(value));
        out().flush();
    }

    protected ClientSettings settings() throws CliException {
        try {
            return globals().clientSettings();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    protected PrintClient connect() throws Exception {
        return PrintClient.connect(settings());
    }
}
