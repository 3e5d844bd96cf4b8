package io.paperjam.client;

/**
 * How to submit one document; every field may be null to let the printer decide.
 *
 * @param name the job name; defaults to the file name
 * @param format the MIME type; detected from content and file name when null
 * @param copies how many copies
 * @param pages the page count, when the submitter knows it better than the printer
 * @param user who submits; defaults to the client's user
 * @param sha256 the document's SHA-256 in hex; computed for files when null
 */
public record SubmitOptions(String name, String format, Integer copies, Integer pages, String user, String sha256) {

    public static SubmitOptions defaults() {
        return new SubmitOptions(null, null, null, null, null, null);
    }

    public SubmitOptions withName(String value) {
        return new SubmitOptions(value, format, copies, pages, user, sha256);
    }

    public SubmitOptions withFormat(String value) {
        return new SubmitOptions(name, value, copies, pages, user, sha256);
    }

    public SubmitOptions withCopies(Integer value) {
        return new SubmitOptions(name, format, value, pages, user, sha256);
    }

    public SubmitOptions withPages(Integer value) {
        return new SubmitOptions(name, format, copies, value, user, sha256);
    }

    public SubmitOptions withUser(String value) {
        return new SubmitOptions(name, format, copies, pages, value, sha256);
    }

    public SubmitOptions withSha256(String value) {
        return new SubmitOptions(name, format, copies, pages, user, value);
    }
}
