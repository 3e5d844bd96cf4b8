package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import java.util.ArrayList;
import java.util.List;

/** The paper sizes the printer offers, by PWG 5101.1 self-describing name, with their media-col forms. */
final class MediaCatalog {

    /** A size: its PWG name and its dimensions in hundredths of a millimetre. */
    private record Size(String name, int width, int length) {
    }

    private static final List<Size> SIZES = List.of(
            new Size("iso_a4_210x297mm", 21000, 29700),
            new Size("na_letter_8.5x11in", 21590, 27940),
            new Size("na_legal_8.5x14in", 21590, 35560),
            new Size("iso_a5_148x210mm", 14800, 21000));
    private static final int MARGIN = 423;

    private final Size loaded;

    MediaCatalog(String mediaDefault) {
        this.loaded = SIZES.stream().filter(s -> s.name().equals(mediaDefault)).findFirst().orElse(SIZES.get(0));
    }

    static boolean isSupported(String media) {
        return SIZES.stream().anyMatch(s -> s.name().equals(media));
    }

    List<Attribute<?>> attributes() {
        List<Attribute<?>> a = new ArrayList<>();
        a.add(IppAttrs.keyword("media-default", loaded.name()));
        a.add(IppAttrs.keyword("media-ready", loaded.name()));
        a.add(IppAttrs.keywords("media-supported", SIZES.stream().map(Size::name).toList()));
        a.add(IppAttrs.collection("media-col-default", List.of(mediaCol(loaded))));
        a.add(IppAttrs.collection("media-col-ready", List.of(mediaCol(loaded))));
        a.add(IppAttrs.keyword("media-col-supported", "media-size", "media-top-margin", "media-bottom-margin",
                "media-left-margin", "media-right-margin"));
        a.add(IppAttrs.collection("media-size-supported", SIZES.stream().map(MediaCatalog::dimensions).toList()));
        a.add(IppAttrs.integer("media-top-margin-supported", MARGIN));
        a.add(IppAttrs.integer("media-bottom-margin-supported", MARGIN));
        a.add(IppAttrs.integer("media-left-margin-supported", MARGIN));
        a.add(IppAttrs.integer("media-right-margin-supported", MARGIN));
        return a;
    }

    private static List<Attribute<?>> mediaCol(Size size) {
        return List.of(
                IppAttrs.collection("media-size", List.of(dimensions(size))),
                IppAttrs.integer("media-top-margin", MARGIN),
                IppAttrs.integer("media-bottom-margin", MARGIN),
                IppAttrs.integer("media-left-margin", MARGIN),
                IppAttrs.integer("media-right-margin", MARGIN));
    }

    private static List<Attribute<?>> dimensions(Size size) {
        return List.of(IppAttrs.integer("x-dimension", size.width()), IppAttrs.integer("y-dimension", size.length()));
    }
}
