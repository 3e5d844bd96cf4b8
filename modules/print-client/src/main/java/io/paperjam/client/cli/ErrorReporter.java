package io.paperjam.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperjam.client.PrintClientException;
import io.paperjam.client.PrinterConnectException;
import io.paperjam.client.PrinterException;
import io.paperjam.client.PrinterTimeoutException;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Json;
import io.paperjam.spool.SpoolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command threw into its exit status and one clear line on stderr (plus a JSON
 * error object on stdout with --json); the stack trace only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String message = message(ex);
        err.println("print-client: " + message);
        if (matched(parsed, "--verbose")) {
            printTrace(ex, err);
        }
        err.flush();
        if (matched(parsed, "--json")) {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("ok", false);
            json.put("error", code(ex));
            json.put("message", message);
            if (ex instanceof PrinterException pe && pe.printer() != null) {
                json.set("printer", Json.mapper().valueToTree(pe.printer()));
            }
            cmd.getOut().println(Json.text(json));
            cmd.getOut().flush();
        }
        return status(ex);
    }

    /** The stack trace with its causes, asked for with --verbose. */
    private static void printTrace(Throwable ex, PrintWriter err) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            err.println((t == ex ? "" : "caused by: ") + t);
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + frame);
            }
        }
    }

    static int status(Exception ex) {
        if (ex instanceof CliException cli) {
            return cli.status();
        }
        if (ex instanceof PrinterConnectException || ex instanceof PrinterTimeoutException) {
            return ExitCodes.UNREACHABLE;
        }
        if (ex instanceof PrinterException pe && pe.code() == ErrorCode.BUSY) {
            return ExitCodes.UNREACHABLE; // at its connection limit or shutting down: try again later
        }
        if (ex instanceof PrinterException pe) {
            return pe.fault().isPresent() || PrinterText.stopped(pe.printer())
                    ? ExitCodes.PRINTER_STOPPED : ExitCodes.FAILED;
        }
        return ExitCodes.FAILED;
    }

    static String message(Exception ex) {
        if (ex instanceof PrinterException pe) {
            return pe.getMessage() + " (" + pe.code().wire() + ")";
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof CliException || ex instanceof PrintClientException || ex instanceof SpoolException) {
            return ex.getMessage();
        }
        if (ex instanceof IOException) {
            return "I/O error: " + ex.getMessage();
        }
        return "unexpected error: " + ex + " (run with --verbose for details)";
    }

    private static String code(Exception ex) {
        if (ex instanceof PrinterException pe) {
            return pe.code().wire();
        }
        return switch (status(ex)) {
            case ExitCodes.UNREACHABLE -> ex instanceof PrinterTimeoutException ? "timeout" : "cannot-connect";
            case ExitCodes.USAGE -> "usage";
            case ExitCodes.PRINTER_STOPPED -> "printer-stopped";
            default -> "failed";
        };
    }

    /** True when the option was given on the command or any of its subcommands. */
    private static boolean matched(ParseResult parsed, String option) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }
}
