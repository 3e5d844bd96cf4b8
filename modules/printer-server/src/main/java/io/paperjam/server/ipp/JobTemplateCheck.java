package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.model.Status;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Protocol;
import io.paperjam.server.core.Printer;
import java.util.List;
import java.util.Optional;

/**
 * The checks shared by Print-Job, Validate-Job, Create-Job and Send-Document: the document format,
 * compression, the few job template values the device honours, and whether the printer takes jobs
 * at all right now.
 */
final class JobTemplateCheck {

    private JobTemplateCheck() {
    }

    /** Checks what a job-creating request asks for; returns its document-format (or null). */
    static String check(IppRequest request, Printer printer) throws IppException {
        String format = checkDocument(request);
        boolean fidelity = request.bool("ipp-attribute-fidelity").orElse(false);
        int copies = copies(request);
        if (copies < 1 || copies > Protocol.MAX_COPIES) {
            throw unsupported("copies must be 1 to " + Protocol.MAX_COPIES, request.jobAttribute("copies").get());
        }
        if (fidelity) {
            Optional<Attribute<?>> media = request.jobAttribute("media").filter(a -> !a.isEmpty());
            if (media.isPresent() && !MediaCatalog.isSupported(media.get().strings().get(0))) {
                throw unsupported("media " + media.get().strings().get(0) + " is not loaded", media.get());
            }
            Optional<Attribute<?>> sides = request.jobAttribute("sides").filter(a -> !a.isEmpty());
            if (sides.isPresent() && !"one-sided".equals(sides.get().strings().get(0))) {
                throw unsupported("this printer prints one-sided only", sides.get());
            }
        }
        checkAccepting(printer);
        return format;
    }

    /** Checks document-format and compression; returns the format, or null if none was given. */
    static String checkDocument(IppRequest request) throws IppException {
        Optional<String> compression = request.string("compression");
        if (compression.isPresent() && !"none".equals(compression.get())) {
            throw new IppException(Status.clientErrorCompressionNotSupported,
                    "compression " + compression.get() + " is not supported; send it uncompressed",
                    List.of(request.attribute("compression").get()));
        }
        Optional<String> format = request.string("document-format");
        if (format.isPresent() && !IppFormats.isSupported(format.get())) {
            throw new IppException(Status.clientErrorDocumentFormatNotSupported,
                    "document-format " + format.get() + " is not supported",
                    List.of(request.attribute("document-format").get()));
        }
        return format.map(IppFormats::bare).orElse(null);
    }

    /** Refuses new jobs while the printer does (when-faulted=reject and a fault is active). */
    static void checkAccepting(Printer printer) throws IppException {
        Optional<PrinterReason> refusal = printer.refusal();
        if (refusal.isPresent()) {
            throw new IppException(Status.serverErrorNotAcceptingJobs,
                    "the printer is not accepting jobs: " + refusal.get().meaning() + " (" + refusal.get().wire() + ")");
        }
    }

    static int copies(IppRequest request) throws IppException {
        Optional<Attribute<?>> copies = request.jobAttribute("copies").filter(a -> !a.isEmpty());
        if (copies.isEmpty()) {
            return 1;
        }
        if (copies.get().get(0) instanceof Integer value) {
            return value;
        }
        throw unsupported("copies must be an integer", copies.get());
    }

    /** The job's name: job-name, else document-name, else "untitled". */
    static String jobName(IppRequest request) {
        return request.string("job-name").filter(s -> !s.isBlank())
                .or(() -> request.string("document-name").filter(s -> !s.isBlank()))
                .orElse("untitled");
    }

    private static IppException unsupported(String message, Attribute<?> attribute) {
        return new IppException(Status.clientErrorAttributesOrValuesNotSupported, message, List.of(attribute));
    }
}
