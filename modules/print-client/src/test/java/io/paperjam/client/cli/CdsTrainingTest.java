package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The class-data training run: every command it runs succeeds, in-process and as its own JVM. */
@Timeout(60)
class CdsTrainingTest {

    @Test
    void everyTrainingCommandSucceedsAgainstTheStandInPrinter() throws Exception {
        assertEquals(List.of(), CdsTraining.run());
    }

    @Test
    void trainingMainExitsZeroAsItsOwnProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CdsTraining.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), "training did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output, "the training run prints nothing");
    }

    @Test
    void standInRepliesDecodeAsThePrinterWouldSendThem() throws Exception {
        Reply status = Json.read(Json.line(CannedPrinter.answer(new Request.Status())), Reply.class);
        assertTrue(status.ok());
        assertEquals(1, status.printer().queued());
        Reply jobs = Json.read(Json.line(CannedPrinter.answer(new Request.Jobs(null, null))), Reply.class);
        assertEquals(1, jobs.jobs().size());
        Reply other = CannedPrinter.answer(new Request.Pause(null));
        assertEquals("unknown-op", other.error());
    }
}
