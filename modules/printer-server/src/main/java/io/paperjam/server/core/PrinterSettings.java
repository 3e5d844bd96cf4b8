package io.paperjam.server.core;

import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.server.device.Pacer;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a {@link Printer} is started with.
 *
 * @param device the simulated hardware
 * @param whenFaulted whether a stopped printer still queues new jobs
 * @param faultPlan faults to suffer from start-up on
 * @param clock the clock of event and job times
 * @param pacer how the time a page takes is spent ({@link Pacer#instant()} in tests)
 */
public record PrinterSettings(DeviceSettings device, WhenFaulted whenFaulted, FaultPlan faultPlan, Clock clock,
                              Pacer pacer) {

    public PrinterSettings {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(whenFaulted, "whenFaulted");
        Objects.requireNonNull(faultPlan, "faultPlan");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pacer, "pacer");
    }

    /** The default device, queue while faulted, no fault plan, the UTC clock, real-time pages. */
    public static PrinterSettings defaults() {
        return new PrinterSettings(DeviceSettings.defaults(), WhenFaulted.QUEUE, FaultPlan.none(), Clock.systemUTC(),
                Pacer.realTime());
    }

    public PrinterSettings withDevice(DeviceSettings newDevice) {
        return new PrinterSettings(newDevice, whenFaulted, faultPlan, clock, pacer);
    }

    public PrinterSettings withWhenFaulted(WhenFaulted newWhenFaulted) {
        return new PrinterSettings(device, newWhenFaulted, faultPlan, clock, pacer);
    }

    public PrinterSettings withFaultPlan(FaultPlan newFaultPlan) {
        return new PrinterSettings(device, whenFaulted, newFaultPlan, clock, pacer);
    }

    public PrinterSettings withClock(Clock newClock) {
        return new PrinterSettings(device, whenFaulted, faultPlan, newClock, pacer);
    }

    public PrinterSettings withPacer(Pacer newPacer) {
        return new PrinterSettings(device, whenFaulted, faultPlan, clock, newPacer);
    }
}
