package io.paperjam.client;

import java.io.IOException;

/** Anything that keeps a {@link PrintClient} request from getting its answer. */
public class PrintClientException extends IOException {

    private static final long serialVersionUID = 1L;

    public PrintClientException(String message) {
        super(message);
    }

    public PrintClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
