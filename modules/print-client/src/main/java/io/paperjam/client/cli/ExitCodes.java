package io.paperjam.client.cli;

/** The exit statuses of print-client, documented in its --help footer. */
public final class ExitCodes {

    /** Done, and the printer is fine. */
    public static final int OK = 0;
    /** The printer said no, or a job was aborted or canceled. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The printer is stopped (a fault such as paper-out, or paused). */
    public static final int PRINTER_STOPPED = 3;
    /** The printer could not be reached or did not answer in time. */
    public static final int UNREACHABLE = 4;

    private ExitCodes() {
    }

    /** The more serious of two statuses, so a run over several files or jobs reports its worst outcome. */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case FAILED -> 1;
            case PRINTER_STOPPED -> 2;
            case UNREACHABLE -> 3;
            default -> 4;
        };
    }
}
