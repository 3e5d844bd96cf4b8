package io.paperjam.client.cli;

import io.paperjam.protocol.PrinterReason;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a fault by its friendly name (paper-out, no-ink, paper-jam, cover-open, offline); also the completion candidates. */
final class FaultConverter implements ITypeConverter<PrinterReason>, Iterable<String> {

    @Override
    public PrinterReason convert(String value) {
        return PrinterReason.fromWire(value).filter(PrinterReason::isFault).orElseThrow(
                () -> new TypeConversionException("unknown fault '" + value + "'; faults are " + String.join(", ", this)));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(PrinterReason.values()).filter(PrinterReason::isFault).map(PrinterReason::wire)
                .collect(Collectors.toList()).iterator();
    }
}
