package io.paperjam.server.core;

import io.paperjam.server.device.Device;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.DeviceState;
import io.paperjam.server.device.DeviceStateCodec;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the device's state in the spool's {@code printer.json}, so that a printer out of paper is
 * still out of paper after a restart. A state file that cannot be read is logged and replaced by
 * a fresh device; a failed write is logged and retried at the next change.
 *
 * <p>A save is two steps so that the fsync can happen outside the printer's lock: {@link #snapshot}
 * under the lock (cheap, numbers the state), then {@link #write}, which skips a snapshot older than
 * the one already on disk, so writes that finish out of order never put an older state back.
 */
final class DeviceStore {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStore.class);

    private final Spool spool;
    /** Numbers snapshots in the order the device changed; guarded by the printer's lock. */
    private long taken;
    /** Guarded by this. */
    private long written;
    /** Guarded by this. */
    private boolean lastWriteFailed;

    /** The device's state at one moment, numbered so that a later one wins. */
    record Snapshot(long seq, DeviceState state) {
    }

    DeviceStore(Spool spool) {
        this.spool = spool;
    }

    Device load(DeviceSettings settings) {
        try {
            Optional<byte[]> saved = spool.readDeviceState();
            if (saved.isEmpty()) {
                LOG.info("no saved device state in {}; starting with full supplies", spool.root());
                return Device.fresh(settings);
            }
            return Device.restore(settings, DeviceStateCodec.decode(saved.get()));
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            LOG.warn("cannot read the saved device state in {} ({}); starting with full supplies and no faults",
                    spool.root(), why);
            return Device.fresh(settings);
        }
    }

    /** Saves now; the caller holds the printer's lock (use snapshot + write to save without it). */
    void save(Device device) {
        write(snapshot(device));
    }

    /** Under the printer's lock: the device's state now, encoded and numbered. */
    Snapshot snapshot(Device device) {
        return new Snapshot(++taken, device.snapshot());
    }

    /** Makes the snapshot durable unless a newer one already is; a failure is logged once. */
    synchronized void write(Snapshot snapshot) {
        if (snapshot.seq() <= written) {
            return;
        }
        try {
            spool.writeDeviceState(DeviceStateCodec.encode(snapshot.state()));
            written = snapshot.seq();
            if (lastWriteFailed) {
                LOG.info("device state saved again");
                lastWriteFailed = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!lastWriteFailed) {
                LOG.warn("cannot save the device state ({}); a restart may forget supply changes", e.toString());
            }
            lastWriteFailed = true;
        }
    }
}
