package io.paperjam.client;

/** The printer did not answer within the client's read or connect timeout. */
public class PrinterTimeoutException extends PrintClientException {

    private static final long serialVersionUID = 1L;

    public PrinterTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
