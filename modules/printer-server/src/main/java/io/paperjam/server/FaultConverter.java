package io.paperjam.server;

import io.paperjam.protocol.PrinterReason;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a fault's wire name, such as paper-out. */
final class FaultConverter implements ITypeConverter<PrinterReason> {

    @Override
    public PrinterReason convert(String value) {
        return PrinterReason.fromWire(value.strip().toLowerCase(Locale.ROOT)).filter(PrinterReason::isFault)
                .orElseThrow(() -> new TypeConversionException("'" + value
                        + "' is not a fault (paper-out, no-ink, paper-jam, cover-open, offline)"));
    }
}
