package io.paperjam.client.cli;

import io.paperjam.protocol.SupplyKind;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads paper, ink or all; also the completion candidates. */
final class SupplyKindConverter implements ITypeConverter<SupplyKind>, Iterable<String> {

    @Override
    public SupplyKind convert(String value) {
        return Arrays.stream(SupplyKind.values()).filter(k -> k.wire().equals(value)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not paper, ink or all"));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(SupplyKind.values()).map(SupplyKind::wire).iterator();
    }
}
