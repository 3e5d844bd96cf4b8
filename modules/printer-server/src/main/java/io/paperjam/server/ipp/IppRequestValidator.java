package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.OtherString;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.encoding.ValueTag;
import com.hp.jipp.model.Status;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every request passes before its operation runs, in the order RFC 8011 section 4.1
 * gives them, each refusing with the status the IPP conformance tests expect.
 */
final class IppRequestValidator {

    private static final Set<String> CHARSETS = Set.of("utf-8", "us-ascii");

    private IppRequestValidator() {
    }

    static void check(IppRequest request) throws IppException {
        int major = request.version() >> 8;
        if (major != 1 && major != 2) {
            throw new IppException(Status.serverErrorVersionNotSupported,
                    "IPP version " + major + "." + (request.version() & 0xFF) + " is not supported; use 1.1 or 2.0");
        }
        if (request.requestId() <= 0) {
            throw IppException.badRequest("request-id must be greater than zero");
        }
        checkGroups(request.groups());
        checkCharsetAndLanguage(request.groups().get(0));
        if (!IppOperationCodes.isSupported(request.operation())) {
            throw new IppException(Status.serverErrorOperationNotSupported,
                    String.format("operation 0x%04x is not supported", request.operation()));
        }
        checkTarget(request);
    }

    private static void checkGroups(List<AttributeGroup> groups) throws IppException {
        if (groups.isEmpty() || !groups.get(0).getTag().equals(Tag.operationAttributes)) {
            throw IppException.badRequest("the first attribute group must be operation-attributes");
        }
        long operationGroups = groups.stream().filter(g -> g.getTag().equals(Tag.operationAttributes)).count();
        if (operationGroups > 1) {
            throw IppException.badRequest("operation-attributes appears more than once");
        }
    }

    private static void checkCharsetAndLanguage(AttributeGroup operation) throws IppException {
        if (operation.size() < 2
                || !isSingle(operation.get(0), "attributes-charset", Tag.charset)
                || !isSingle(operation.get(1), "attributes-natural-language", Tag.naturalLanguage)) {
            throw IppException.badRequest(
                    "attributes-charset and attributes-natural-language must come first, in that order");
        }
        String charset = operation.get(0).strings().get(0).toLowerCase(Locale.ROOT);
        if (!CHARSETS.contains(charset)) {
            throw new IppException(Status.clientErrorCharsetNotSupported, "charset " + charset + " is not supported",
                    List.of(IppAttrs.charset("attributes-charset", charset)));
        }
    }

    private static boolean isSingle(Attribute<?> attribute, String name, ValueTag tag) {
        return attribute.getName().equals(name) && attribute.size() == 1
                && attribute.get(0) instanceof OtherString value && value.getTag().equals(tag);
    }

    private static void checkTarget(IppRequest request) throws IppException {
        boolean hasPrinterUri = request.attribute("printer-uri").filter(a -> !a.isEmpty()).isPresent();
        boolean hasJobUri = request.attribute("job-uri").filter(a -> !a.isEmpty()).isPresent();
        if (IppOperationCodes.targetsJob(request.operation())) {
            if (!hasJobUri && !(hasPrinterUri && request.attribute("job-id").isPresent())) {
                throw IppException.badRequest("this operation needs job-uri, or printer-uri and job-id");
            }
            if (hasJobUri) {
                IppUris.jobId(request.string("job-uri").orElseThrow());
            }
        } else if (!hasPrinterUri) {
            throw IppException.badRequest("printer-uri is missing");
        }
        if (hasPrinterUri && !IppUris.isPrinterUri(request.string("printer-uri").orElseThrow())) {
            throw IppException.notFound("no printer at " + request.string("printer-uri").orElseThrow());
        }
    }
}
