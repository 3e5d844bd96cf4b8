package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUPS IPP conformance suites, run by the real ipptool against a real IPP door: every test of
 * ipp-1.1.test and ipp-2.0.test must pass. The suites and their documents are copied side by side,
 * since ipptool finds a test's FILE next to the test file.
 */
class IpptoolConformanceTest {

    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> DOCUMENTS = List.of("testfile.pdf", "document-a4.pdf",
            "document-letter.pdf", "document-a4.ps", "document-letter.ps", "color.jpg", "gray.jpg");

    /** Where each run's report is kept for a human to read (the build's output folder). */
    private static final Path REPORTS = Path.of("target");

    @TempDir
    Path dir;

    @BeforeEach
    void copySuites() throws IOException {
        Ipptool.requireInstalled();
        for (String suite : List.of("ipp-1.1.test", "ipp-2.0.test", "get-printer-attributes.test",
                "get-jobs.test", "validate-job.test")) {
            Files.copy(Ipptool.TESTS.resolve(suite), dir.resolve(suite), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String document : DOCUMENTS) {
            try (InputStream in = getClass().getResourceAsStream("/ipp/" + document)) {
                Files.copy(in, dir.resolve(document), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void ipp11SuitePasses() throws Exception {
        runSuite("1.1", "ipp-1.1.test");
    }

    @Test
    void ipp20SuitePasses() throws Exception {
        runSuite("2.0", "ipp-2.0.test");
    }

    @Test
    void smallerSuitesPass() throws Exception {
        runSuite("2.0", "get-printer-attributes.test");
        runSuite("2.0", "get-jobs.test");
        runSuite("2.0", "validate-job.test");
    }

    /** Runs {@code ipptool -t -f testfile.pdf -V VERSION URI SUITE} against a fresh printer. */
    private void runSuite(String version, String suite) throws Exception {
        try (IppTestPrinter printer = IppTestPrinter.start(dir)) {
            String[] args = {"-t", "-f", "testfile.pdf", "-V", version, printer.uri().toString(), suite};
            Ipptool.Run run = Ipptool.run(dir, TIMEOUT_SECONDS, args);
            Files.writeString(REPORTS.resolve(suite + "-" + version + ".log"), run.output());
            assertEquals(0, run.exitCode(), () -> "ipptool " + String.join(" ", args) + " failed:\n" + run.output());
            // ipptool stops a suite on a file it cannot read, yet may still exit 0
            assertTrue(run.output().contains("[PASS]") && !run.output().contains("[FAIL]")
                            && !run.output().contains("ipptool:"),
                    () -> "ipptool reported failures:\n" + run.output());
        }
    }
}
