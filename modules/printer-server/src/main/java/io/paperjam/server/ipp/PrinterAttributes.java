package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.Protocol;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The printer's IPP attributes (RFC 8011 section 5.4, PWG 5100.12 section 6.2), built fresh from
 * the simulated device for every Get-Printer-Attributes, split into the job-template and
 * printer-description groups that requested-attributes can name.
 */
final class PrinterAttributes {

    static final String DESCRIPTION = "printer-description";
    static final String TEMPLATE = "job-template";

    private final IppSettings settings;
    private final PrinterSupplies supplies;
    private final MediaCatalog media;

    PrinterAttributes(IppSettings settings) {
        this.settings = settings;
        this.supplies = new PrinterSupplies(settings.lowInkPercent());
        this.media = new MediaCatalog(settings.mediaDefault());
    }

    /** The attributes {@code wanted} selects, template group first. */
    List<Attribute<?>> build(PrinterView view, RequestedAttributes wanted) {
        List<Attribute<?>> all = new ArrayList<>(wanted.select(template(view.status()), TEMPLATE));
        all.addAll(wanted.select(description(view), DESCRIPTION));
        return all;
    }

    private List<Attribute<?>> template(PrinterInfo status) {
        List<Attribute<?>> a = new ArrayList<>();
        a.add(IppAttrs.integer("copies-default", 1));
        a.add(IppAttrs.range("copies-supported", 1, Protocol.MAX_COPIES));
        a.add(IppAttrs.enums("finishings-default", 3));
        a.add(IppAttrs.enums("finishings-supported", 3));
        a.add(IppAttrs.keyword("job-sheets-default", "none"));
        a.add(IppAttrs.keyword("job-sheets-supported", "none"));
        a.addAll(media.attributes());
        a.add(IppAttrs.keyword("multiple-document-handling-default", "separate-documents-uncollated-copies"));
        a.add(IppAttrs.keyword("multiple-document-handling-supported", "separate-documents-uncollated-copies"));
        a.add(IppAttrs.integer("number-up-default", 1));
        a.add(IppAttrs.integer("number-up-supported", 1));
        a.add(IppAttrs.enums("orientation-requested-default", 3));
        a.add(IppAttrs.enums("orientation-requested-supported", 3, 4, 5, 6));
        a.add(IppAttrs.keyword("output-bin-default", "face-down"));
        a.add(IppAttrs.keyword("output-bin-supported", "face-down"));
        a.add(IppAttrs.bool("page-ranges-supported", false));
        a.add(IppAttrs.enums("print-quality-default", 4));
        a.add(IppAttrs.enums("print-quality-supported", 3, 4, 5));
        a.add(IppAttrs.resolution("printer-resolution-default", 600));
        a.add(IppAttrs.resolution("printer-resolution-supported", 600));
        a.add(IppAttrs.keyword("print-color-mode-default", supplies.isColour(status) ? "color" : "monochrome"));
        a.add(supplies.isColour(status)
                ? IppAttrs.keyword("print-color-mode-supported", "monochrome", "color")
                : IppAttrs.keyword("print-color-mode-supported", "monochrome"));
        a.add(IppAttrs.keyword("sides-default", "one-sided"));
        a.add(IppAttrs.keyword("sides-supported", "one-sided"));
        return a;
    }

    private List<Attribute<?>> description(PrinterView view) {
        PrinterInfo status = view.status();
        List<Attribute<?>> a = new ArrayList<>();
        a.add(IppAttrs.charset("charset-configured", "utf-8"));
        a.add(IppAttrs.charset("charset-supported", "utf-8", "us-ascii"));
        a.add(IppAttrs.bool("color-supported", supplies.isColour(status)));
        a.add(IppAttrs.keyword("compression-supported", "none"));
        a.add(IppAttrs.mimeType("document-format-default", IppFormats.OCTET_STREAM));
        a.add(IppAttrs.mimeType("document-format-supported", IppFormats.SUPPORTED.toArray(String[]::new)));
        a.add(IppAttrs.language("generated-natural-language-supported", "en"));
        a.add(IppAttrs.keyword("ipp-versions-supported", "1.0", "1.1", "2.0"));
        a.add(IppAttrs.keyword("ipp-features-supported", "none"));
        a.add(IppAttrs.range("job-k-octets-supported", 0, (int) Math.min(Integer.MAX_VALUE,
                settings.maxDocumentBytes() / 1024)));
        a.add(IppAttrs.bool("multiple-document-jobs-supported", false));
        a.add(IppAttrs.integer("multiple-operation-time-out",
                (int) Math.max(1, settings.openJobTimeout().toSeconds())));
        a.add(IppAttrs.language("natural-language-configured", "en"));
        a.add(IppAttrs.enums("operations-supported",
                IppOperationCodes.SUPPORTED.stream().mapToInt(Integer::intValue).toArray()));
        a.add(IppAttrs.integer("pages-per-minute", settings.pagesPerMinute()));
        if (supplies.isColour(status)) {
            a.add(IppAttrs.integer("pages-per-minute-color", settings.pagesPerMinute()));
        }
        a.add(IppAttrs.keyword("pdl-override-supported", "attempted"));
        a.add(IppAttrs.text("printer-device-id", "MFG:paperjam;MDL:Emulated Printer;CMD:PDF,PS,PCL,PWGRaster;"));
        a.add(IppAttrs.text("printer-info", settings.printerInfo()));
        a.add(IppAttrs.bool("printer-is-accepting-jobs", view.accepting()));
        a.add(IppAttrs.text("printer-location", settings.printerLocation()));
        a.add(IppAttrs.text("printer-make-and-model", settings.makeAndModel()));
        a.add(IppAttrs.uri("printer-more-info", IppUris.moreInfo(view.authority())));
        a.add(IppAttrs.name("printer-name", settings.printerName()));
        a.add(IppAttrs.enums("printer-state", IppStates.printerState(status.state())));
        a.add(IppAttrs.text("printer-state-message", status.message() == null ? "ready" : status.message()));
        a.add(IppAttrs.keywords("printer-state-reasons", IppStates.printerReasons(status)));
        a.add(IppAttrs.integer("printer-up-time", view.upTime()));
        a.add(IppAttrs.dateTime("printer-current-time", Instant.ofEpochSecond(view.upTime())));
        a.add(IppAttrs.uri("printer-uri-supported", IppUris.printer(view.authority())));
        a.add(IppAttrs.uri("printer-uuid", uuid(settings.printerName())));
        a.addAll(supplies.attributes(status));
        a.add(IppAttrs.keyword("pwg-raster-document-sheet-back", "normal"));
        a.add(IppAttrs.keyword("pwg-raster-document-type-supported", "black_1", "sgray_8", "srgb_8"));
        a.add(IppAttrs.resolution("pwg-raster-document-resolution-supported", 300, 600));
        a.add(IppAttrs.integer("queued-job-count", view.queuedJobs()));
        a.add(IppAttrs.keyword("uri-authentication-supported", "requesting-user-name"));
        a.add(IppAttrs.keyword("uri-security-supported", "none"));
        a.add(IppAttrs.keyword("which-jobs-supported", "completed", "not-completed", "all"));
        return a;
    }

    /** A stable printer-uuid derived from the printer's name. */
    private static URI uuid(String name) {
        return URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(("paperjam:" + name).getBytes(StandardCharsets.UTF_8)));
    }
}
