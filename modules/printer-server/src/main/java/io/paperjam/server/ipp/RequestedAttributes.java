package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code requested-attributes} of a Get-* request (RFC 8011 section 4.2.5.1): attribute names
 * and group names ({@code all}, {@code printer-description}, {@code job-description},
 * {@code job-template}); without it, the operation's default set.
 */
final class RequestedAttributes {

    static final String ALL = "all";

    private final Set<String> names;

    private RequestedAttributes(Set<String> names) {
        this.names = names;
    }

    /** What {@code request} asked for, or {@code defaults} when it did not say. */
    static RequestedAttributes of(IppRequest request, Set<String> defaults) {
        List<String> asked = request.strings("requested-attributes");
        return new RequestedAttributes(asked.isEmpty() ? defaults : Set.copyOf(asked));
    }

    static RequestedAttributes all() {
        return new RequestedAttributes(Set.of(ALL));
    }

    boolean wants(String name, String group) {
        return names.contains(ALL) || names.contains(group) || names.contains(name);
    }

    /** The attributes of one group ({@code group} names it) that were asked for, in order. */
    List<Attribute<?>> select(List<Attribute<?>> attributes, String group) {
        List<Attribute<?>> chosen = new ArrayList<>();
        for (Attribute<?> attribute : attributes) {
            if (wants(attribute.getName(), group)) {
                chosen.add(attribute);
            }
        }
        return chosen;
    }
}
