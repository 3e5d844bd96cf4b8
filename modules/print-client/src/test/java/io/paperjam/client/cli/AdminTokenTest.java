package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Admin commands find the token in --token, the spool folder's token file, or $PAPERJAM_TOKEN, in that order. */
@Timeout(60)
class AdminTokenTest {

    @TempDir
    Path work;

    @Test
    void tokenComesFromTheSpoolFileTheEnvironmentOrTheOption() throws Exception {
        try (TestPrinter printer = TestPrinter.start(work.resolve("spool"), 250, false)) {
            String token = Files.readString(work.resolve("spool/token")).trim();
            Path elsewhere = Files.createDirectory(work.resolve("elsewhere"));

            Cli fromSpoolFile = new Cli(work, printer.port());
            assertEquals(0, fromSpoolFile.run("pause").exit(), "./spool/token is read by default");
            assertEquals(0, fromSpoolFile.run("resume").exit());

            Cli noToken = new Cli(elsewhere, printer.port());
            Cli.Result refused = noToken.run("fault", "set", "offline");
            assertEquals(1, refused.exit(), refused::toString);
            assertEquals(1, refused.err().lines().count(), refused::toString);
            assertTrue(refused.err().contains("(unauthorized)"), refused::toString);

            assertEquals(1, noToken.run("pause", "--token", "wrong").exit());
            assertEquals(0, noToken.run("pause", "--token", token).exit());
            assertEquals(0, new Cli(elsewhere, printer.port(), Map.of("PAPERJAM_TOKEN", token)).run("resume").exit());
            assertEquals(0, noToken.run("--spool", work.resolve("spool").toString(), "fault", "list").exit());
            assertEquals(0, noToken.run("--spool", work.resolve("spool").toString(), "supplies", "refill", "all").exit());
        }
    }
}
