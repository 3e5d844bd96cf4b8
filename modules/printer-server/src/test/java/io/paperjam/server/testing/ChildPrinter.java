package io.paperjam.server.testing;

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

/**
 * bin/printer-server as a child JVM on a spool folder, for what only a real process can show:
 * SIGKILL, SIGTERM and operating-system limits. Its log is collected for failure messages.
 */
public final class ChildPrinter implements AutoCloseable {

    /** The start line names the JSON port first: "paperjam printer listening on 127.0.0.1:6310 ...". */
    private static final Pattern LISTENING = Pattern.compile("printer listening on (?:\\[[^\\]]+\\]|[^ :\\[]+):(\\d+)");
    private static final List<String> SMALL_FAST_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final int MAX_LOG_LINES = 2_000;

    private final Process process;
    private final long startMillis;
    private final List<String> log = new ArrayList<>();
    private int port;

    private ChildPrinter(List<String> command, long startMillis) throws IOException {
        this.startMillis = startMillis;
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readLog, "child-printer-log");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the server on {@code spool}, any free port, instant printing, plus {@code args}.
     * With {@code maxFileKib} > 0 the child may write no file larger than that (ulimit -f): a
     * bigger write fails with EFBIG, a real I/O error from the kernel.
     */
    public static ChildPrinter start(Path spool, long maxFileKib, String... args) throws IOException {
        return start(SMALL_FAST_JVM, 30_000, spool, maxFileKib, args);
    }

    /** Starts the server in a JVM with exactly {@code jvmOptions} (heap limits, say), no file-size limit. */
    public static ChildPrinter withJvm(List<String> jvmOptions, Path spool, String... args) throws IOException {
        return start(jvmOptions, 20_000, spool, 0, args);
    }

    private static ChildPrinter start(List<String> jvmOptions, long startMillis, Path spool, long maxFileKib,
                                      String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (maxFileKib > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -f " + maxFileKib + " && exec \"$@\"", "child-printer"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrinterServerMain.class.getName()));
        command.addAll(List.of("--spool", spool.toString(), "--port", "0", "--ppm", "0"));
        command.addAll(List.of(args));
        return new ChildPrinter(command, startMillis);
    }

    /** Waits for the start line and returns the address it names. */
    public InetSocketAddress awaitListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + startMillis;
        synchronized (log) {
            while (port == 0 && process.isAlive() && System.currentTimeMillis() < deadline) {
                log.wait(50);
            }
            if (port == 0) {
                throw new AssertionError("the child printer did not start:\n" + String.join("\n", log));
            }
        }
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Waits until a log line contains {@code text}. */
    public void awaitLog(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + startMillis;
        synchronized (log) {
            while (log.stream().noneMatch(line -> line.contains(text)) && System.currentTimeMillis() < deadline) {
                log.wait(50);
            }
            if (log.stream().noneMatch(line -> line.contains(text))) {
                throw new AssertionError("no log line with '" + text + "' (child " + (process.isAlive() ? "running"
                        : "exited " + process.exitValue()) + "):\n" + String.join("\n", log));
            }
        }
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the child printer survived SIGKILL");
        }
    }

    /**
     * SIGTERM, through the process handle: {@link Process#destroy()} would also close our end of the
     * child's output, and we want to read its shutdown log.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** Waits for the exit after SIGTERM and returns its status. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child printer did not exit within " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and returns the exit status, failing after {@code seconds}. */
    public int terminate(long seconds) throws InterruptedException {
        sigterm();
        return awaitExit(seconds);
    }

    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (log) {
                    if (log.size() < MAX_LOG_LINES) {
                        log.add(line);
                    }
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
