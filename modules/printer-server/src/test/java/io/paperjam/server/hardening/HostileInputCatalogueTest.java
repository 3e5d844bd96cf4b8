package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends every row of {@link HostileCases} to one real server over loopback and checks, for each:
 * the exact reply codes, each reply a single clean JSON line, no job queued that should not be,
 * no admin change made, no partial upload left behind, and the server still answering.
 */
@Timeout(60)
class HostileInputCatalogueTest {

    private static Path root;
    private static Path spool;
    private static PrinterServer server;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("paperjam-hostile");
        spool = root.resolve("a").resolve("b").resolve("spool");
        server = PrinterServer.start(Fixtures.settings(spool).withMaxHeaderBytes(HostileCases.MAX_HEADER)
                .withMaxDocumentBytes(1 << 20));
        try (Wire ada = Wire.connect(server.address())) {   // job 1, another user's job for the access cases
            ada.send("{\"op\":\"submit\",\"name\":\"ada.txt\",\"user\":\"ada\",\"size\":2}\nhi");
            JsonNode reply = Fixtures.assertCleanReply(ada.readLine());
            assertEquals(1, reply.path("job").path("id").asLong(), reply.toString());
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    /** Undoes whatever a failed case changed, so that one failure does not fail the rows after it. */
    @AfterEach
    void restore() {
        server.printer().clearAllFaults();
        server.printer().resume();
    }

    static List<HostileCase> cases() {
        return HostileCases.all();
    }

    @Test
    void theCatalogueIsBigEnough() {
        assertTrue(cases().size() >= 40, "only " + cases().size() + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServerAnswersExactlyAndStaysUp(HostileCase c) throws Exception {
        int jobsBefore = Fixtures.allJobs(server).size();
        List<String> codes = new ArrayList<>();
        try (Wire wire = Wire.connectFrom(c.from(), server.address())) {
            wire.send(c.input());
            switch (c.after()) {
                case DISCONNECT -> wire.close();
                case HALF_CLOSE -> wire.shutdownOutput();
                default -> { }
            }
            if (c.after() != HostileCase.After.DISCONNECT) {
                for (int i = 0; i < c.replies().size(); i++) {
                    codes.add(Fixtures.code(Fixtures.assertCleanReply(wire.readLine())));
                }
            }
            assertEquals(c.replies(), codes, "reply codes");
            switch (c.after()) {
                case OPEN -> assertStatusAnswers(wire);
                case SERVER_CLOSES, HALF_CLOSE -> assertTrue(wire.closedByServer(), "the server should hang up");
                default -> { }
            }
        }
        if (c.after() == HostileCase.After.DISCONNECT) {
            Thread.sleep(200);   // let the server notice the disconnect and drop the upload
        }
        try (Wire next = Wire.connect(server.address())) {
            assertStatusAnswers(next);
        }
        Fixtures.awaitTmpEmpty(spool);
        assertEquals(c.queued(), Fixtures.allJobs(server).size() - jobsBefore, "jobs queued");
        assertTrue(server.printer().faults().isEmpty(), "no fault was set: " + server.printer().faults());
        assertFalse(server.printer().status().reasons().contains("paused"), "the printer was paused");
    }

    @Test
    void namesNeverBecomePaths() throws Exception {
        for (HostileCase c : cases()) {
            if (c.name().contains("out of the spool") || c.name().contains("absolute")) {
                theServerAnswersExactlyAndStaysUp(c);
            }
        }
        assertEquals(List.of(root.resolve("a")), Fixtures.files(root));
        assertEquals(List.of(root.resolve("a").resolve("b")), Fixtures.files(root.resolve("a")));
        assertEquals(List.of(spool), Fixtures.files(root.resolve("a").resolve("b")));
        assertFalse(Files.exists(Path.of("/tmp", HostileCases.ESCAPE + "-2")));
        Fixtures.assertOnlyIdNamedFiles(spool);
        assertTrue(Fixtures.allJobs(server).stream().anyMatch(job -> job.name().equals("../../../../"
                + HostileCases.ESCAPE + "-1")), "the name is kept as given, as metadata");
    }

    private static void assertStatusAnswers(Wire wire) throws IOException {
        wire.send("{\"op\":\"status\"}\n");
        JsonNode status = Fixtures.assertCleanReply(wire.readLine());
        assertTrue(status.path("ok").asBoolean(), status.toString());
        assertEquals(1, status.path("protocol").asInt(), status.toString());
    }
}
