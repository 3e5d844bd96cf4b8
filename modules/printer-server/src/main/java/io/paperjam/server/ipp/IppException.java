package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.model.Status;
import java.util.List;

/**
 * A request the IPP door refuses: the status code and message its response carries, and the
 * attributes it could not honour (returned in the unsupported-attributes group).
 */
final class IppException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final transient List<Attribute<?>> unsupported;

    IppException(Status status, String message, List<Attribute<?>> unsupported) {
        super(message, null, false, false);
        this.status = status;
        this.unsupported = List.copyOf(unsupported);
    }

    IppException(Status status, String message) {
        this(status, message, List.of());
    }

    static IppException badRequest(String message) {
        return new IppException(Status.clientErrorBadRequest, message);
    }

    static IppException notFound(String message) {
        return new IppException(Status.clientErrorNotFound, message);
    }

    static IppException notPossible(String message) {
        return new IppException(Status.clientErrorNotPossible, message);
    }

    Status status() {
        return status;
    }

    List<Attribute<?>> unsupported() {
        return unsupported;
    }
}
