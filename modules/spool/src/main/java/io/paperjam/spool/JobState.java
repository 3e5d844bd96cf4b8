package io.paperjam.spool;

/** The state of a spooled job; each state is one folder of the spool ({@code queue/}, {@code active/}, {@code done/}). */
public enum JobState {
    /** Acknowledged and waiting to be printed (folder {@code queue/}). */
    QUEUED,
    /** Being printed; the control file carries the page reached (folder {@code active/}). */
    ACTIVE,
    /** Completed, canceled or aborted (folder {@code done/}); pruned by retention into {@code history.jsonl}. */
    DONE;

    /** The folder name under the spool root that holds jobs in this state. */
    public String folder() {
        switch (this) {
            case QUEUED: return "queue";
            case ACTIVE: return "active";
            default: return "done";
        }
    }
}
