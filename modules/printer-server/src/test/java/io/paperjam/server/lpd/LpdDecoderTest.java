package io.paperjam.server.lpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RFC 1179 framing, fed byte by byte and in odd splits, with every buffer released. */
class LpdDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new LpdDecoder(64, 256));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void feed(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private <T> T next(Class<T> type) {
        Object message = channel.readInbound();
        return assertInstanceOf(type, message);
    }

    @Test
    void aReceiveJobSplitAcrossReads() {
        String all = "\002lp\n\002" + "10 cfA1h\nPu\nldfA1h\n\000" + "\0035 dfA1h\nhello\000";
        for (char c : all.toCharArray()) {
            feed(String.valueOf(c));
        }
        LpdMessage.Command command = next(LpdMessage.Command.class);
        assertEquals(2, command.code());
        assertEquals("lp", command.queue());
        assertEquals(new LpdMessage.ControlFileStart(10, "cfA1h"), next(LpdMessage.ControlFileStart.class));
        assertEquals("Pu\nldfA1h\n", next(LpdMessage.ControlFile.class).text());
        assertEquals(new LpdMessage.DataFileStart(5, "dfA1h"), next(LpdMessage.DataFileStart.class));
        StringBuilder data = new StringBuilder();
        Object message;
        while ((message = channel.readInbound()) instanceof LpdMessage.DataChunk chunk) {
            data.append(chunk.content().toString(StandardCharsets.US_ASCII));
            assertTrue(chunk.content().release());
        }
        assertEquals("hello", data.toString());
        assertInstanceOf(LpdMessage.DataFileEnd.class, message);
    }

    @Test
    void queueCommandsCarryTheirOperands() {
        feed("\004lp alice 12\tbob\n");
        LpdMessage.Command command = next(LpdMessage.Command.class);
        assertEquals(4, command.code());
        assertEquals(List.of("alice", "12", "bob"), command.operands());
        feed("trailing bytes are ignored");
        assertNull(channel.readInbound());
    }

    @Test
    void aDataFileWithoutASizeEndsAtTheEndOfInput() {
        feed("\002lp\n\0030 dfA1h\npart one, ");
        feed("part two");
        next(LpdMessage.Command.class);
        next(LpdMessage.DataFileStart.class);
        ByteBuf first = next(LpdMessage.DataChunk.class).content();
        ByteBuf second = next(LpdMessage.DataChunk.class).content();
        assertEquals("part one, part two", first.toString(StandardCharsets.US_ASCII)
                + second.toString(StandardCharsets.US_ASCII));
        first.release();
        second.release();
        assertNull(channel.readInbound());
        channel.close();
        assertInstanceOf(LpdMessage.DataFileEnd.class, channel.readInbound());
    }

    @Test
    void malformedInputBecomesOneMessageThenSilence() {
        feed("\002lp\n\003twelve dfA1h\nmore junk\n");
        next(LpdMessage.Command.class);
        assertTrue(next(LpdMessage.Malformed.class).why().contains("<size> <file name>"));
        feed("\0035 dfA1h\n");
        assertNull(channel.readInbound());
    }

    @Test
    void limitsOnLinesAndControlFiles() {
        feed("x".repeat(100));
        assertTrue(next(LpdMessage.Malformed.class).why().contains("longer than 64 bytes"));

        EmbeddedChannel other = new EmbeddedChannel(new LpdDecoder(64, 256));
        other.writeInbound(Unpooled.copiedBuffer("\002lp\n\002999 cfA1h\n", StandardCharsets.US_ASCII));
        assertInstanceOf(LpdMessage.Command.class, other.readInbound());
        LpdMessage.Malformed tooBig = assertInstanceOf(LpdMessage.Malformed.class, other.readInbound());
        assertTrue(tooBig.why().contains("the limit is 256"), tooBig.why());
        assertFalse(other.finishAndReleaseAll());
    }

    @Test
    void aFileMustEndWithAZeroByte() {
        feed("\002lp\n\0032 dfA1h\nokX");
        next(LpdMessage.Command.class);
        next(LpdMessage.DataFileStart.class);
        next(LpdMessage.DataChunk.class).content().release();
        assertTrue(next(LpdMessage.Malformed.class).why().contains("zero byte"));
    }

    @Test
    void printableShowsControlCharacters() {
        assertEquals("\\002lp\\012", LpdDecoder.printable("\002lp\n"));
    }
}
