package io.paperjam.client;

/** The printer could not be reached, or the connection broke before the answer came. */
public class PrinterConnectException extends PrintClientException {

    private static final long serialVersionUID = 1L;

    public PrinterConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
