package io.paperjam.client.cli;

/** Ends a command with an exit status and a one-line message for stderr. */
public class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public CliException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
