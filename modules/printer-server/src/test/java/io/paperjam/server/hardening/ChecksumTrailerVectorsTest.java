package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.GoldenVectors;
import io.paperjam.server.PrinterServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The protocol's checksum-trailer vectors, sent to a real server with an empty spool: each gets
 * exactly the golden reply, nothing is queued, and the connection still answers.
 */
@Timeout(60)
class ChecksumTrailerVectorsTest {

    static final List<String> CASES = GoldenVectors.TRAILER_CASES;

    @TempDir
    Path spool;

    @ParameterizedTest
    @FieldSource("CASES")
    void aBadTrailerGetsExactlyTheGoldenReply(String name) throws Exception {
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool));
             Wire wire = Wire.connect(server.address())) {
            wire.send(GoldenVectors.trailerIn(name));
            assertEquals(new String(GoldenVectors.trailerOut(name), StandardCharsets.UTF_8), wire.readLine() + "\n");
            wire.send("{\"op\":\"status\"}\n");
            assertTrue(Fixtures.assertCleanReply(wire.readLine()).path("ok").asBoolean());
            assertEquals(List.of(), Fixtures.allJobs(server), "nothing queued");
            Fixtures.awaitTmpEmpty(spool);
        }
    }
}
