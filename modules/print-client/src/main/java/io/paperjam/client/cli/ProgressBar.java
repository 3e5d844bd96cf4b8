package io.paperjam.client.cli;

import io.paperjam.client.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * An upload progress bar on stderr, redrawn in place with {@code \r}: percentage, rate and time
 * left. It appears only once an upload has taken longer than a moment, so small files stay quiet.
 */
final class ProgressBar implements ProgressListener {

    /** Uploads shorter than this never show a bar. */
    static final Duration SHOW_AFTER = Duration.ofMillis(500);
    /** Fastest redraw rate, so a fast upload does not flood the terminal. */
    static final Duration REDRAW_EVERY = Duration.ofMillis(100);
    static final int WIDTH = 24;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDraw;
    private boolean shown;

    ProgressBar(PrintWriter err, String label, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void progress(long sent, long total) {
        long now = nanoClock.getAsLong();
        long elapsed = now - start;
        if (elapsed < SHOW_AFTER.toNanos() || (shown && sent < total && now - lastDraw < REDRAW_EVERY.toNanos())) {
            return;
        }
        lastDraw = now;
        shown = true;
        err.print("\r" + render(sent, total, elapsed));
        err.flush();
    }

    /** Ends the bar's line, if a bar was drawn. */
    void finish() {
        if (shown) {
            err.println();
            err.flush();
            shown = false;
        }
    }

    String render(long sent, long total, long elapsedNanos) {
        double fraction = total <= 0 ? 1 : (double) sent / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, elapsedNanos / 1e9);
        double rate = sent / seconds;
        String left = rate <= 0 ? "--:--" : clock((long) ((total - sent) / rate));
        return String.format("%s [%s%s] %3d%% %s/s %s left ", label, "=".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(fraction * 100), Sizes.human((long) rate), left);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
