package io.paperjam.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Request;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(64));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void requestLinesEndWithNewlineOrCrlfAndEmptyLinesAreSkipped() {
        write("{\"op\":\"status\"}\n\r\n\n{\"op\":\"watch\"}\r\n");
        assertInstanceOf(Request.Status.class, channel.readInbound());
        assertInstanceOf(Request.Watch.class, channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void aLineSplitAcrossReadsIsJoined() {
        write("{\"op\":\"st");
        assertNull(channel.readInbound());
        write("atus\"}\n");
        assertInstanceOf(Request.Status.class, channel.readInbound());
    }

    @Test
    void submitBodyComesAsExactlySizeBytesThenTheNextRequest() {
        write("{\"op\":\"submit\",\"name\":\"a\",\"size\":11}\nhello");
        write(" worl");
        write("d{\"op\":\"status\"}\n");
        assertEquals(11, ((Request.Submit) channel.readInbound()).size());
        assertEquals("hello", body(channel.readInbound()));
        assertEquals(" worl", body(channel.readInbound()));
        assertEquals("d", body(channel.readInbound()));
        assertSame(BodyEnd.WITHOUT_TRAILER, channel.readInbound());
        assertInstanceOf(Request.Status.class, channel.readInbound());
    }

    @Test
    void anEmptyDocumentEndsAtOnce() {
        write("{\"op\":\"submit\",\"name\":\"a\",\"size\":0}\n");
        assertInstanceOf(Request.Submit.class, channel.readInbound());
        assertSame(BodyEnd.WITHOUT_TRAILER, channel.readInbound());
    }

    @Test
    void aBadLineIsReportedAndTheNextOneStillWorks() {
        write("hello\n{\"op\":\"status\"}\n");
        BadFrame bad = channel.readInbound();
        assertEquals(ErrorCode.BAD_REQUEST, bad.error().code());
        assertTrue(!bad.fatal());
        assertInstanceOf(Request.Status.class, channel.readInbound());
    }

    @Test
    void aRefusedSubmitWithAKnownSizeHasItsBodySkipped() {
        write("{\"op\":\"submit\",\"name\":\"a\",\"size\":4,\"colour\":1}\n{\"o");
        write("p{\"op\":\"status\"}\n");
        BadFrame bad = channel.readInbound();
        assertTrue(bad.error().getMessage().contains("colour"));
        assertTrue(!bad.fatal());
        assertInstanceOf(Request.Status.class, channel.readInbound());
    }

    @Test
    void aSubmitWithoutAUsableSizeLosesStepAndIsFatal() {
        write("{\"op\":\"submit\",\"name\":\"a\",\"size\":-1}\n{\"op\":\"status\"}\n");
        BadFrame bad = channel.readInbound();
        assertTrue(bad.fatal());
        assertNull(channel.readInbound());
    }

    @Test
    void aLineOverTheLimitIsTooLargeAndEverythingAfterIsDropped() {
        write("{\"op\":\"status\",\"x\":\"" + "y".repeat(80) + "\"}\n{\"op\":\"status\"}\n");
        BadFrame bad = channel.readInbound();
        assertEquals(ErrorCode.TOO_LARGE, bad.error().code());
        assertTrue(bad.fatal());
        assertNull(channel.readInbound());
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() {
        String line = "{\"op\":\"status\"}";
        String padded = " ".repeat(63 - line.length()) + line + "\n";   // 64 bytes with the newline
        write(padded);
        assertInstanceOf(Request.Status.class, channel.readInbound());
    }

    private static String body(Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    private static final String SHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private static final String TRAILER_SUBMIT = "{\"op\":\"submit\",\"name\":\"a\",\"size\":11,\"sha256\":\"trailer\"}\n";

    /** A decoder whose line limit fits a checksum trailer (77 bytes) and a submit line. */
    private static EmbeddedChannel trailerChannel() {
        return new EmbeddedChannel(new RequestDecoder(256));
    }

    private static void write(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentEndsOnlyAfterItsChecksumTrailerAndCarriesIt() {
        EmbeddedChannel ch = trailerChannel();
        try {
            write(ch, TRAILER_SUBMIT + "hello world{\"sha2");
            assertInstanceOf(Request.Submit.class, ch.readInbound());
            assertEquals("hello world", body(ch.readInbound()));
            assertNull(ch.readInbound(), "no end before the whole trailer line");
            write(ch, "56\":\"" + SHA.toUpperCase() + "\"}\r\n{\"op\":\"status\"}\n");
            assertEquals(new BodyEnd(new RequestDecoder.Trailer(SHA, null)), ch.readInbound());
            assertInstanceOf(Request.Status.class, ch.readInbound());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aBadTrailerIsTheUploadsRefusalAndTheConnectionStaysInStep() {
        EmbeddedChannel ch = trailerChannel();
        try {
            write(ch, TRAILER_SUBMIT + "hello world" + "{\"op\":\"pause\"}\n{\"op\":\"status\"}\n");
            assertInstanceOf(Request.Submit.class, ch.readInbound());
            body(ch.readInbound());
            BodyEnd end = ch.readInbound();
            assertInstanceOf(Request.Status.class, ch.readInbound(), "the bad trailer never runs as a request");
            RequestDecoder.Trailer trailer = end.trailer();
            assertNull(trailer.sha256());
            assertEquals("checksum trailer: missing field 'sha256'", trailer.refusal().getMessage());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aTrailerOverTheLineLimitClosesTheConnection() {
        EmbeddedChannel ch = trailerChannel();
        try {
            write(ch, TRAILER_SUBMIT + "hello world" + "x".repeat(300));
            ch.readInbound();
            body(ch.readInbound());
            BadFrame bad = ch.readInbound();
            assertTrue(bad.fatal());
            assertEquals(ErrorCode.BAD_REQUEST, bad.error().code());
            write(ch, "{\"op\":\"status\"}\n");
            assertNull(ch.readInbound(), "nothing after a lost step");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aRefusedSubmitWithATrailerHasItsBodyAndTrailerSkipped() {
        EmbeddedChannel ch = trailerChannel();
        try {
            write(ch, "{\"op\":\"submit\",\"name\":\"a\",\"size\":2,\"sha256\":\"trailer\",\"colour\":1}\nhi"
                    + "{\"op\":\"pause\"}\n{\"op\":\"status\"}\n");
            assertInstanceOf(BadFrame.class, ch.readInbound());
            assertInstanceOf(Request.Status.class, ch.readInbound());
            assertNull(ch.readInbound());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void anEmptyDocumentWithATrailerWaitsForTheTrailer() {
        EmbeddedChannel ch = trailerChannel();
        try {
            write(ch, "{\"op\":\"submit\",\"name\":\"a\",\"size\":0,\"sha256\":\"trailer\"}\n");
            ch.readInbound();
            assertNull(ch.readInbound());
            write(ch, "{\"sha256\":\"" + SHA + "\"}\n");
            assertEquals(new BodyEnd(new RequestDecoder.Trailer(SHA, null)), ch.readInbound());
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
