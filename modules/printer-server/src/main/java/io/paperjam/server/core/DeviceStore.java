package io.paperjam.server.core;

import io.paperjam.server.device.Device;
import io.paperjam.server.device.DeviceSettings;
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
 */
final class DeviceStore {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStore.class);

    private final Spool spool;
    private boolean lastWriteFailed;

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

    void save(Device device) {
        try {
            spool.writeDeviceState(DeviceStateCodec.encode(device.snapshot()));
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
