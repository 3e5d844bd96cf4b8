package io.paperjam.server.core;

/** What a printer does with a new job while a fault stops it. */
public enum WhenFaulted {
    /** Accept the job into the spool; it prints once the fault is cleared (what CUPS does). */
    QUEUE,
    /** Refuse the job with the fault's error code; nothing is stored. */
    REJECT
}
