package io.paperjam.server.device;

/** The paper tray: how many sheets it holds and has left. Not thread-safe; the device guards it. */
final class PaperTray {

    private final int capacity;
    private int sheets;

    PaperTray(int capacity, int sheets) {
        this.capacity = capacity;
        this.sheets = Math.max(0, Math.min(sheets, capacity));
    }

    int capacity() {
        return capacity;
    }

    int sheets() {
        return sheets;
    }

    boolean empty() {
        return sheets == 0;
    }

    void fill() {
        sheets = capacity;
    }

    void set(int newSheets) {
        if (newSheets < 0 || newSheets > capacity) {
            throw new IllegalArgumentException("paper must be 0.." + capacity + " sheets (the tray's capacity), not "
                    + newSheets);
        }
        sheets = newSheets;
    }

    void take() {
        if (sheets == 0) {
            throw new IllegalStateException("the paper tray is empty");
        }
        sheets--;
    }
}
