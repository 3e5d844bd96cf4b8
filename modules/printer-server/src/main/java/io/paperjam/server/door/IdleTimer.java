package io.paperjam.server.door;

import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The idle timer a stream door (raw, LPD) puts first in each connection's pipeline. */
public final class IdleTimer {

    private IdleTimer() {
    }

    /** Fires an {@link io.netty.handler.timeout.IdleStateEvent} once the connection has read nothing for the idle timeout. */
    public static IdleStateHandler reading(DoorLimits limits) {
        return new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS);
    }
}
