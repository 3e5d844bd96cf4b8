package io.paperjam.server.net;

/** Marks the end of a submit's document: every one of its {@code size} bytes has been passed on. */
enum BodyEnd {
    INSTANCE
}
