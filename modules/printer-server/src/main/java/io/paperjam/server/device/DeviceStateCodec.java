package io.paperjam.server.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperjam.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes and reads {@code printer.json}: indented JSON a person can read and fix by hand. */
public final class DeviceStateCodec {

    private DeviceStateCodec() {
    }

    public static byte[] encode(DeviceState state) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the bytes are not a device state this build understands */
    public static DeviceState decode(byte[] json) throws IOException {
        DeviceState state = Json.mapper().readValue(json, DeviceState.class);
        if (state.version() != DeviceState.VERSION) {
            throw new IOException("printer.json has format version " + state.version() + "; this build reads "
                    + DeviceState.VERSION);
        }
        return state;
    }
}
