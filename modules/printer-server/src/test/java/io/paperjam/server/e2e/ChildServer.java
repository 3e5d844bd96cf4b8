package io.paperjam.server.e2e;

import io.paperjam.server.PrinterServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bin/printer-server in a child JVM, for what only a real process shows: signals and heap limits. */
final class ChildServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+),");
    private static final long START_MILLIS = 20_000;

    private final Process process;
    private final List<String> log = new ArrayList<>();
    private int port;

    ChildServer(List<String> jvmOptions, Path spool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PrinterServerMain.class.getName());
        command.addAll(List.of("--spool", spool.toString(), "--port", "0", "--ppm", "0"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readLog, "child-server-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the start line and returns the address it names. */
    InetSocketAddress awaitListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        synchronized (log) {
            while (port == 0 && process.isAlive() && System.currentTimeMillis() < deadline) {
                log.wait(100);
            }
            if (port == 0) {
                throw new AssertionError("the child server did not start:\n" + String.join("\n", log));
            }
        }
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Waits until a log line contains {@code text}. */
    void awaitLog(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        synchronized (log) {
            while (log.stream().noneMatch(line -> line.contains(text)) && System.currentTimeMillis() < deadline) {
                log.wait(100);
            }
            if (log.stream().noneMatch(line -> line.contains(text))) {
                throw new AssertionError("no log line with '" + text + "' (child " + (process.isAlive() ? "running"
                        : "exited " + process.exitValue()) + "):\n" + String.join("\n", log));
            }
        }
    }

    Process process() {
        return process;
    }

    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /**
     * Sends SIGTERM. Through the process handle, because {@link Process#destroy()} also closes our
     * end of the child's output, and we want to read its shutdown log.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** Sends SIGTERM and returns the exit status, failing after {@code seconds}. */
    int terminate(long seconds) throws InterruptedException {
        sigterm();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child server did not exit after SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (log) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (port == 0 && m.find()) {
                        port = Integer.parseInt(m.group(1));
                    }
                    log.notifyAll();
                }
            }
        } catch (IOException e) {
            // the child is gone; its log ends here
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
