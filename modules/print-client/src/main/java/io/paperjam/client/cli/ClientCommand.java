package io.paperjam.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.PrinterInfo;
import java.io.PrintWriter;
import java.util.List;
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

    /** The --json line of a command about the printer: {@code {"ok":true,"printer":{...}}}, with the faults when given. */
    protected void printPrinterJson(PrinterInfo printer, List<String> faults) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("ok", true);
        if (faults != null) {
            line.set("faults", Json.mapper().valueToTree(faults));
        }
        line.set("printer", Json.mapper().valueToTree(printer));
        printJson(line);
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
