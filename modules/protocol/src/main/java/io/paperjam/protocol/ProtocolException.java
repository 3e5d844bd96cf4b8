package io.paperjam.protocol;

/** A request the printer refuses, with the code and message its reply will carry. */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Reply toReply() {
        return Reply.error(code, getMessage());
    }
}
