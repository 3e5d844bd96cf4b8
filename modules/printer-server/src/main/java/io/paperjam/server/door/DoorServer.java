package io.paperjam.server.door;

import java.net.InetSocketAddress;

/**
 * What every front door (raw, LPD, IPP) shows its owner: where it listens, and {@link #close()},
 * which stops accepting and lets the jobs being received finish within the shutdown grace.
 */
public abstract class DoorServer implements AutoCloseable {

    private final DoorListener listener;

    protected DoorServer(DoorListener listener) {
        this.listener = listener;
    }

    public int port() {
        return listener.port();
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    /** Stops accepting, lets jobs being received finish within the shutdown grace, closes the rest. */
    @Override
    public void close() {
        listener.close();
    }
}
