package io.paperjam.server.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Get-Printer-Attributes, Validate-Job, Pause-Printer and Resume-Printer (RFC 8011 sections 4.2, 4.3). */
final class PrinterOperations {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterOperations.class);

    private final IppContext context;
    private final PrinterAttributes attributes;

    PrinterOperations(IppContext context) {
        this.context = context;
        this.attributes = new PrinterAttributes(context.settings());
    }

    IppPacket getPrinterAttributes(IppRequest request) throws IppException {
        Optional<String> format = request.string("document-format");
        if (format.isPresent() && !IppFormats.isSupported(format.get())) {
            throw new IppException(Status.clientErrorDocumentFormatNotSupported,
                    "document-format " + format.get() + " is not supported",
                    List.of(request.attribute("document-format").get()));
        }
        RequestedAttributes wanted = RequestedAttributes.of(request, Set.of(RequestedAttributes.ALL));
        PrinterView view = context.view(request.peer().authority());
        return IppResponses.ok(request,
                List.of(AttributeGroup.groupOf(Tag.printerAttributes, attributes.build(view, wanted))));
    }

    IppPacket validateJob(IppRequest request) throws IppException {
        JobTemplateCheck.check(request, context.printer());
        return IppResponses.ok(request, List.of());
    }

    IppPacket pause(IppRequest request) throws IppException {
        IppAdmin.require(request, context.settings(), "Pause-Printer");
        context.printer().pause();
        LOG.info("printer paused over IPP by {}", request.user());
        return IppResponses.ok(request, List.of());
    }

    IppPacket resume(IppRequest request) throws IppException {
        IppAdmin.require(request, context.settings(), "Resume-Printer");
        context.printer().resume();
        LOG.info("printer resumed over IPP by {}", request.user());
        return IppResponses.ok(request, List.of());
    }
}
