package io.paperjam.server.lpd;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** What {@link LpdDecoder} makes of the bytes of an LPD connection (RFC 1179). */
sealed interface LpdMessage {

    /** The connection's first line: a daemon command such as receive-job (2) or send-queue-state (3, 4). */
    record Command(int code, String queue, List<String> operands) implements LpdMessage {
    }

    /** Receive-job subcommand 1: throw away what this connection sent. */
    record Abort() implements LpdMessage {
    }

    /** Receive-job subcommand 2 announces a control file; it is sent after our acknowledgement. */
    record ControlFileStart(long size, String name) implements LpdMessage {
    }

    /** A whole control file, read into memory (it is small and limited). */
    record ControlFile(String name, String text) implements LpdMessage {
    }

    /** Receive-job subcommand 3 announces a data file; size 0 means "until the client ends its side". */
    record DataFileStart(long size, String name) implements LpdMessage {
    }

    /** A piece of the data file being received; whoever handles it releases it. */
    record DataChunk(ByteBuf content) implements LpdMessage {
    }

    /** The data file was received whole (its terminating zero byte, or the end of input). */
    record DataFileEnd() implements LpdMessage {
    }

    /** The client broke the protocol; the connection gets a negative acknowledgement and is closed. */
    record Malformed(String why) implements LpdMessage {
    }
}
