package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/launch.sh on a freshly built print-client.jar: the first run builds the class-data archive
 * (training run, then the static dump) and still does the user's command; the archive then maps,
 * with picocli and Jackson in it. Needs the shaded jar, so the pom runs it in the package phase,
 * after the shade plugin (its name keeps it out of the test phase).
 */
@Timeout(180)
class LauncherArchiveCheck {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path BUILT_JAR = MODULE.resolve("target/print-client.jar");
    private static final Path BIN = MODULE.resolve("../../bin").normalize();

    @TempDir
    Path work;

    @Test
    void firstRunAfterABuildMakesAnArchiveThatHoldsPicocliAndJackson() throws Exception {
        Path root = work.resolve("checkout");
        Path jar = checkoutWithJar(root);
        Path target = jar.getParent();
        Path document = Files.writeString(work.resolve("small.txt"), "hello\n", StandardCharsets.UTF_8);

        try (TestPrinter printer = TestPrinter.start(work.resolve("spool"), 250)) {
            String port = Integer.toString(printer.port());
            Run submit = run(List.of(root.resolve("bin/print-client").toString(), "--port", port, "submit",
                    document.toString()));
            assertEquals(0, submit.exit(), submit.output());
            assertTrue(submit.output().startsWith("job 1 queued: small.txt"), submit.output());

            Path archive = target.resolve("print-client.jsa");
            try (Stream<Path> files = Files.list(target)) {
                assertEquals(List.of(jar, archive), files.sorted().toList(), "the archive, and no leftovers");
            }
            // -Xshare:on fails instead of running without the archive when it does not map
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Run mapped = run(List.of(java.toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                    "-Xlog:class+load=info", "-jar", jar.toString(), "--port", port, "status"));
            assertEquals(0, mapped.exit(), mapped.output());
            for (String type : List.of("picocli.CommandLine", "io.paperjam.client.cli.SubmitCommand",
                    "com.fasterxml.jackson.databind.ObjectMapper", "io.paperjam.protocol.Reply")) {
                assertTrue(mapped.output().contains(" " + type + " source: shared objects file"), type);
            }
        }
    }

    @Test
    void aBuildThatLeavesTheJarAloneStillMarksItCurrent() throws Exception {
        Path root = work.resolve("checkout");
        Path jar = checkoutWithJar(root);
        Path pom = Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        // the other program's source changed after the client was built: Maven has nothing to rebuild here
        Path serverSource = Files.createDirectories(root.resolve("modules/printer-server/src/main/java"))
                .resolve("Edited.java");
        Files.writeString(serverSource, "class Edited {}\n");
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(pom, FileTime.fromMillis(now - 120_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(serverSource, FileTime.fromMillis(now - 30_000));
        Path fakeBin = Files.createDirectories(work.resolve("fake-bin"));
        Path builds = work.resolve("builds.log");
        Path mvn = Files.writeString(fakeBin.resolve("mvn"), "#!/bin/sh\necho \"$@\" >> '" + builds + "'\n");
        assertTrue(mvn.toFile().setExecutable(true));

        List<String> version = List.of(root.resolve("bin/print-client").toString(), "--version");
        String path = fakeBin + ":" + System.getenv("PATH");
        Run first = run(version, path);
        Run second = run(version, path);
        assertEquals(0, first.exit(), first.output());
        assertEquals(0, second.exit(), second.output());
        assertTrue(first.output().contains("building print-client"), first.output());
        assertFalse(second.output().contains("building"), "built again: " + second.output());
        assertEquals(1, Files.readAllLines(builds).size(), "Maven runs once, not on every start");
    }

    /** bin/ and a built print-client.jar under {@code root}, as in a clone after a build; returns the jar. */
    private static Path checkoutWithJar(Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("modules/print-client/target"));
        Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("launch.sh", "print-client")) {
            Files.copy(BIN.resolve(script), root.resolve("bin").resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return Files.copy(BUILT_JAR, target.resolve("print-client.jar"));
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, System.getenv("PATH"));
    }

    private Run run(List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", path);
        Process p = builder.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + command);
        return new Run(p.exitValue(), output);
    }
}
