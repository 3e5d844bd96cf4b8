package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.RequestParser;
import io.paperjam.server.net.RequestDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the request parser and the connection's frame decoder with mutated valid requests. The
 * parser may only ever refuse with a {@link ProtocolException}; the decoder, fed in random
 * chunks over an {@link EmbeddedChannel}, must never let an exception out of the pipeline, never
 * take long, keep its memory under a fixed bound, and release every buffer.
 */
class RequestFuzzTest {

    /** Small, so that inputs cross the line limit often. */
    static final int MAX_HEADER = 256;
    private static final int MAX_CHUNK = 64;
    /** Live buffer bytes the decoder may hold at any moment: its cumulation (rounded up) and one chunk. */
    private static final long MEMORY_BOUND = 4L * (MAX_HEADER + MAX_CHUNK);
    private static final Duration PER_CASE = Duration.ofSeconds(5);

    static final AtomicLong PARSED = new AtomicLong();
    static final AtomicLong DECODED = new AtomicLong();
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-case");
        thread.setDaemon(true);
        return thread;
    });

    @Provide
    Arbitrary<byte[]> mutated() {
        return Combinators.combine(Arbitraries.of(Mutator.SEEDS), Arbitraries.of(Mutator.SEEDS), Arbitraries.longs())
                .as(Mutator::mutate);
    }

    @Provide
    Arbitrary<List<byte[]>> streams() {
        return mutated().list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 60_000, shrinking = ShrinkingMode.OFF)
    void theParserOnlyRefusesWithAProtocolException(@ForAll("mutated") byte[] line) throws Exception {
        parse(line);
    }

    @Property(tries = 40_000, shrinking = ShrinkingMode.OFF)
    void theDecoderNeverThrowsLeaksOrHoards(@ForAll("streams") List<byte[]> requests, @ForAll long chunking)
            throws Exception {
        decode(requests, chunking);
    }

    @Property(tries = 2_000_000, shrinking = ShrinkingMode.OFF)
    @Tag("soak")
    void soakTheParser(@ForAll("mutated") byte[] line) throws Exception {
        parse(line);
    }

    @Property(tries = 1_000_000, shrinking = ShrinkingMode.OFF)
    @Tag("soak")
    void soakTheDecoder(@ForAll("streams") List<byte[]> requests, @ForAll long chunking) throws Exception {
        decode(requests, chunking);
    }

    @AfterContainer
    static void report() {
        org.slf4j.LoggerFactory.getLogger(RequestFuzzTest.class).warn(
                "fuzz figures: {} lines parsed, {} streams decoded", PARSED.get(), DECODED.get());
    }

    private static void parse(byte[] line) throws Exception {
        bounded(() -> {
            int length = line.length;
            while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
                length--;
            }
            try {
                assertNotNull(RequestParser.parse(line, 0, length));
            } catch (ProtocolException e) {
                assertNotNull(e.code());
                String message = e.getMessage();
                assertTrue(message != null && !message.isBlank() && !message.contains("\n")
                        && !message.contains("\tat "), "bad message: " + message);
            }
            PARSED.incrementAndGet();
            return null;
        });
    }

    private static void decode(List<byte[]> requests, long chunking) throws Exception {
        bounded(() -> {
            TrackingAllocator allocator = new TrackingAllocator();
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.config().setAllocator(allocator);
            channel.pipeline().addLast(new RequestDecoder(MAX_HEADER));
            Random random = new Random(chunking);
            byte[] stream = new byte[0];
            for (byte[] request : requests) {
                stream = Mutator.concat(stream, request);
            }
            for (int at = 0; at < stream.length && channel.isOpen(); ) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(MAX_CHUNK));
                ByteBuf chunk = allocator.heapBuffer(n);
                chunk.writeBytes(stream, at, n);
                at += n;
                channel.writeInbound(chunk);   // rethrows anything that reached the end of the pipeline
                drain(channel);
                assertTrue(allocator.liveBytes() <= MEMORY_BOUND, "decoder holds " + allocator.liveBytes() + " bytes");
            }
            channel.finishAndReleaseAll();
            assertEquals(0, allocator.unreleased(), "buffers leaked");
            DECODED.incrementAndGet();
            return null;
        });
    }

    /** Takes what the decoder emitted, as the connection handler would, releasing document chunks. */
    private static void drain(EmbeddedChannel channel) {
        for (Object out = channel.readInbound(); out != null; out = channel.readInbound()) {
            assertTrue(out instanceof Request || out instanceof ByteBuf || out.getClass().getSimpleName().equals("BadFrame")
                    || out.getClass().getSimpleName().equals("BodyEnd"), "unexpected output " + out);
            ReferenceCountUtil.release(out);
        }
    }

    /** Runs one case on a worker thread and fails it if it takes longer than {@link #PER_CASE}. */
    private static void bounded(java.util.concurrent.Callable<Void> fuzzCase) throws Exception {
        Future<Void> run = RUNNER.submit(fuzzCase);
        try {
            run.get(PER_CASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("a fuzz case ran longer than " + PER_CASE, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }
}
