package io.paperjam.spool;

/** Thrown when another process (or another {@link Spool} in this JVM) owns the spool folder. */
public class SpoolLockedException extends SpoolException {

    private final String owner;

    public SpoolLockedException(String message, String owner) {
        super(message);
        this.owner = owner;
    }

    /** Who holds the lock as recorded in the lock file, e.g. {@code "pid 4242 on host printsrv"}; may be empty. */
    public String owner() {
        return owner;
    }
}
