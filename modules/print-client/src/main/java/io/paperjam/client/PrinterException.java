package io.paperjam.client;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import java.util.Optional;

/** The printer answered a request with an error reply: a stable code, its message and, when it sent one, its state. */
public class PrinterException extends PrintClientException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient PrinterInfo printer;

    public PrinterException(ErrorCode code, String message, PrinterInfo printer) {
        super(message == null || message.isBlank() ? code.meaning() : message);
        this.code = code;
        this.printer = printer;
    }

    public ErrorCode code() {
        return code;
    }

    /** The printer's state sent with the error, or null when the reply had none. */
    public PrinterInfo printer() {
        return printer;
    }

    /** The device fault this error reports (paper-out, no-ink, ...), if it is one. */
    public Optional<PrinterReason> fault() {
        return PrinterReason.fromWire(code.wire()).filter(PrinterReason::isFault);
    }
}
