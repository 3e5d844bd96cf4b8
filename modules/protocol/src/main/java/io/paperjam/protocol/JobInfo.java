package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A job as replies and events describe it.
 *
 * @param reason why the job is stopped, aborted or canceled (a printer reason such as
 *     {@code paper-out}, or {@code canceled-by-user}); null while it is fine
 * @param pages the page count, declared by the submitter or counted from the document
 * @param pagesPrinted pages finished so far, all copies of a page counting as one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "user", "format", "state", "reason", "size", "sha256",
    "copies", "pages", "pagesPrinted", "submitted", "updated"})
public record JobInfo(
        long id,
        String name,
        String user,
        String format,
        JobStatus state,
        String reason,
        long size,
        String sha256,
        int copies,
        Integer pages,
        int pagesPrinted,
        Instant submitted,
        Instant updated) {
}
