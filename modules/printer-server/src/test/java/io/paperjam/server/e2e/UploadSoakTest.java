package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.testing.ChildPrinter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brief's proof that documents never sit in memory: 2 GiB through a printer-server process
 * limited to 128 MiB of heap. Slow (and 2 GiB of disk), so only with -Psoak.
 */
@Tag("soak")
class UploadSoakTest {

    @TempDir
    Path spool;

    @Test
    void twoGibibytesStreamThroughA128MibHeap() throws Exception {
        long size = 2L << 30;
        try (ChildPrinter child = ChildPrinter.withJvm(List.of("-Xmx128m", "-XX:MaxDirectMemorySize=64m"), spool,
                "--fault", "offline")) {
            InetSocketAddress address = child.awaitListening();
            try (LineClient client = LineClient.connect(address)) {
                client.send("{\"op\":\"submit\",\"name\":\"two-gib.bin\",\"format\":\"application/octet-stream\","
                        + "\"size\":" + size + "}");
                OutputStream out = client.output();
                byte[] chunk = new byte[1 << 20];
                new Random(1).nextBytes(chunk);
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                }
                out.flush();
                client.socket().setSoTimeout(120_000);   // the final fsync of 2 GiB may take a while
                JsonNode reply = client.read();
                assertTrue(reply.path("ok").asBoolean(), reply + "\n" + child.log());
                assertEquals(size, reply.path("job").path("size").asLong());
            }
            assertEquals(0, child.terminate(60), child.log());
        }
    }
}
