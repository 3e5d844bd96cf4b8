package io.paperjam.protocol;

/** Makes untrusted text safe to echo in a message or a log line. */
public final class Text {

    private static final int MAX_ECHO = 64;

    private Text() {
    }

    /** The text shortened and with control characters escaped. */
    public static String printable(String text) {
        return printable(text, MAX_ECHO);
    }

    /** The text cut to {@code max} characters and with control characters escaped. */
    public static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > max ? out + "..." : out.toString();
    }
}
