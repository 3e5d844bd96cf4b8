package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.EmptyAttribute;
import com.hp.jipp.encoding.Name;
import com.hp.jipp.encoding.OtherOctets;
import com.hp.jipp.encoding.OtherString;
import com.hp.jipp.encoding.Resolution;
import com.hp.jipp.encoding.ResolutionUnit;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.encoding.Text;
import com.hp.jipp.encoding.UnknownAttribute;
import com.hp.jipp.encoding.UntypedCollection;
import com.hp.jipp.encoding.UntypedEnum;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import kotlin.ranges.IntRange;

/**
 * Builds response attributes with exactly the IPP value syntax each one is registered with; jipp
 * picks the wire tag from the Java class of each value, so this is the one place that choice is made.
 */
final class IppAttrs {

    private IppAttrs() {
    }

    static Attribute<?> keyword(String name, String... values) {
        return new UnknownAttribute(name, List.of((Object[]) values));
    }

    static Attribute<?> keywords(String name, List<String> values) {
        return new UnknownAttribute(name, List.copyOf(values));
    }

    static Attribute<?> integer(String name, int... values) {
        return new UnknownAttribute(name, Arrays.stream(values).boxed().map(Object.class::cast).toList());
    }

    static Attribute<?> enums(String name, int... codes) {
        return new UnknownAttribute(name, Arrays.stream(codes).mapToObj(UntypedEnum::new)
                .map(Object.class::cast).toList());
    }

    static Attribute<?> bool(String name, boolean value) {
        return new UnknownAttribute(name, List.of(value));
    }

    static Attribute<?> text(String name, String... values) {
        return new UnknownAttribute(name, Arrays.stream(values).map(Text::new).map(Object.class::cast).toList());
    }

    static Attribute<?> name(String name, String... values) {
        return new UnknownAttribute(name, Arrays.stream(values).map(Name::new).map(Object.class::cast).toList());
    }

    static Attribute<?> uri(String name, URI... values) {
        return new UnknownAttribute(name, List.of((Object[]) values));
    }

    static Attribute<?> charset(String name, String... values) {
        return strings(name, Tag.charset, values);
    }

    static Attribute<?> language(String name, String... values) {
        return strings(name, Tag.naturalLanguage, values);
    }

    static Attribute<?> mimeType(String name, String... values) {
        return strings(name, Tag.mimeMediaType, values);
    }

    static Attribute<?> uriScheme(String name, String... values) {
        return strings(name, Tag.uriScheme, values);
    }

    static Attribute<?> range(String name, int low, int high) {
        return new UnknownAttribute(name, List.of(new IntRange(low, high)));
    }

    static Attribute<?> resolution(String name, int... dpis) {
        return new UnknownAttribute(name, Arrays.stream(dpis)
                .mapToObj(dpi -> new Resolution(dpi, dpi, ResolutionUnit.dotsPerInch)).map(Object.class::cast).toList());
    }

    static Attribute<?> octets(String name, List<String> values) {
        return new UnknownAttribute(name, values.stream()
                .map(v -> new OtherOctets(Tag.octetString, v.getBytes(StandardCharsets.UTF_8)))
                .map(Object.class::cast).toList());
    }

    static Attribute<?> dateTime(String name, Instant when) {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(when.toEpochMilli());
        return new UnknownAttribute(name, List.of(calendar));
    }

    static Attribute<?> collection(String name, List<List<Attribute<?>>> members) {
        return new UnknownAttribute(name, members.stream().map(UntypedCollection::new)
                .map(Object.class::cast).toList());
    }

    static Attribute<?> noValue(String name) {
        return new EmptyAttribute<>(name, Tag.noValue);
    }

    private static Attribute<?> strings(String name, com.hp.jipp.encoding.ValueTag tag, String... values) {
        return new UnknownAttribute(name, Arrays.stream(values).map(v -> new OtherString(tag, v))
                .map(Object.class::cast).toList());
    }
}
