package io.paperjam.protocol;

/**
 * The constants both ends of the JSON-header protocol agree on.
 *
 * <p>A request is one line of UTF-8 JSON ended by {@code \n} ({@code \r\n} tolerated); a
 * {@code submit} line is followed by exactly {@code size} bytes of document. Every request gets
 * exactly one reply line. See docs/PROTOCOL.md.
 */
public final class Protocol {

    /** The protocol version this build speaks; a request may name it in {@code "v"}. */
    public static final int VERSION = 1;

    /** The JSON-header port a printer listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 6310;

    /** The longest request line accepted by default, newline included. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

    /** Deepest JSON nesting a request may have; requests are flat, so this is generous. */
    public static final int MAX_NESTING_DEPTH = 8;

    /** Longest name, user or format string accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 1024;

    /** Largest copies count a submit may ask for. */
    public static final int MAX_COPIES = 999;

    /** Largest page count a submit may declare. */
    public static final int MAX_PAGES = 1_000_000;

    private Protocol() {
    }
}
