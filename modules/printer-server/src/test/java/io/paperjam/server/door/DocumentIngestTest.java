package io.paperjam.server.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The ingest's promises: order, backpressure, the size limit, abort, and no leaked buffer. */
class DocumentIngestTest {

    /** A disk executor the test runs by hand, so it decides when the disk "catches up". */
    private static final class ManualDisk implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll(EmbeddedChannel channel) {
            for (int i = 0; i < 1000 && (!tasks.isEmpty() || channel.hasPendingTasks()); i++) {
                Runnable next = tasks.poll();
                if (next != null) {
                    next.run();
                }
                channel.runPendingTasks();
            }
        }
    }

    private static final class RecordingSink implements DocumentSink {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean aborted;

        @Override
        public void write(ByteBuffer src) {
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            written.writeBytes(bytes);
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ManualDisk disk = new ManualDisk();
    private final RecordingSink sink = new RecordingSink();

    private DocumentIngest<String> ingest(DoorLimits limits) {
        return new DocumentIngest<>(channel, disk, limits, sink);
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    void bytesReachTheSinkInOrderThenTheCommitRuns() throws Exception {
        DocumentIngest<String> ingest = ingest(DoorLimits.defaults());
        ByteBuf a = text("hello ");
        ByteBuf b = text("world");
        ingest.write(a);
        ingest.write(b);
        CompletableFuture<String> result = ingest.finish(() -> "committed " + sink.written.size());
        assertFalse(result.isDone(), "nothing is committed before the disk ran");

        disk.runAll(channel);

        assertEquals("hello world", sink.written.toString(StandardCharsets.US_ASCII));
        assertEquals("committed 11", result.get());
        assertEquals(0, a.refCnt());
        assertEquals(0, b.refCnt());
    }

    @Test
    void readingPausesWhileTheDiskIsBehind() {
        DocumentIngest<String> ingest = ingest(DoorLimits.defaults().withUploadBufferBytes(10));
        ingest.write(text("12345"));
        assertTrue(channel.config().isAutoRead(), "under the buffer limit, reading goes on");
        ingest.write(text("67890"));
        assertFalse(channel.config().isAutoRead(), "at the limit, reading pauses");

        disk.runAll(channel);

        assertTrue(channel.config().isAutoRead(), "the disk caught up: reading resumes");
        assertEquals("1234567890", sink.written.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void goingPastTheLimitAbortsAndFails() {
        DocumentIngest<String> ingest = ingest(DoorLimits.defaults().withMaxDocumentBytes(8));
        ByteBuf first = text("12345");
        ByteBuf second = text("67890");
        ingest.write(first);
        ingest.write(second);

        disk.runAll(channel);

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> ingest.result().get());
        assertInstanceOf(DocumentTooLargeException.class, failure.getCause());
        assertTrue(sink.aborted);
        assertEquals(0, first.refCnt());
        assertEquals(0, second.refCnt());
        ByteBuf late = text("more");
        ingest.write(late);
        assertEquals(0, late.refCnt(), "bytes after the end are released, not kept");
    }

    @Test
    void abortWaitsForTheWriteInFlightThenAbortsTheSinkAndOnlyThenFails() {
        DocumentIngest<String> ingest = ingest(DoorLimits.defaults());
        ingest.write(text("in flight"));
        ByteBuf queued = text("queued");
        ingest.write(queued);
        ingest.abort("the connection broke");

        assertEquals(0, queued.refCnt(), "queued bytes are dropped at once");
        assertFalse(sink.aborted, "not while a write is running on the disk");
        assertFalse(ingest.result().isDone(), "no refusal before the document is gone");
        disk.runAll(channel);
        assertTrue(sink.aborted);
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> ingest.result().get());
        assertInstanceOf(DocumentAbandonedException.class, failure.getCause());
        assertEquals("the connection broke", failure.getCause().getMessage());
    }

    @Test
    void aFailingWriteAbortsTheSinkEvenAfterTheClientAborted() {
        FailingSink failing = new FailingSink();
        DocumentIngest<String> ingest = new DocumentIngest<>(channel, disk, DoorLimits.defaults(), failing);
        ingest.write(text("doomed"));
        ingest.abort("the client went away");

        disk.runAll(channel);

        assertTrue(failing.aborted, "the half-written document is thrown away");
        assertTrue(ingest.result().isCompletedExceptionally());
    }

    @Test
    void aFailedCommitThrowsTheDocumentAwayAndReportsTheCommitsError() {
        DocumentIngest<String> ingest = ingest(DoorLimits.defaults());
        ingest.write(text("data"));
        ingest.finish(() -> {
            throw new java.io.IOException("the spool is full");
        });

        disk.runAll(channel);

        assertTrue(sink.aborted);
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> ingest.result().get());
        assertEquals("the spool is full", failure.getCause().getMessage());
    }

    @Test
    void aShutDownDiskStillThrowsTheDocumentAwayAndFails() {
        DocumentIngest<String> ingest = new DocumentIngest<>(channel, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, DoorLimits.defaults(), sink);
        ByteBuf data = text("late");
        ingest.write(data);
        channel.runPendingTasks();

        assertTrue(sink.aborted);
        assertEquals(0, data.refCnt());
        assertTrue(ingest.result().isCompletedExceptionally());
    }

    /** A sink whose disk is broken. */
    private static final class FailingSink implements DocumentSink {
        boolean aborted;

        @Override
        public void write(ByteBuffer src) throws java.io.IOException {
            throw new java.io.IOException("disk on fire");
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }
}
