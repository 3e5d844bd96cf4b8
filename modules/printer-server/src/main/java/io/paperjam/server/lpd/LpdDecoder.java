package io.paperjam.server.lpd;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an LPD connection (RFC 1179) into {@link LpdMessage}s: the command line, then, for
 * receive-job, subcommand lines each followed by the file they announce and its terminating zero
 * byte. Data files pass through as retained slices, never whole; lines and control files are
 * limited, and anything malformed becomes one {@link LpdMessage.Malformed}, after which input is ignored.
 */
final class LpdDecoder extends ByteToMessageDecoder {

    private enum State { COMMAND, SUBCOMMAND, CONTROL_FILE, DATA_FILE, FILE_END, DATA_UNTIL_EOF, IGNORE }

    static final int RECEIVE_JOB = 2;
    private static final int SUB_ABORT = 1;
    private static final int SUB_CONTROL_FILE = 2;
    private static final int SUB_DATA_FILE = 3;
    private static final byte LF = '\n';

    private final int maxLineBytes;
    private final int maxControlFileBytes;
    private State state = State.COMMAND;
    private long remaining;
    private String fileName;

    LpdDecoder(int maxLineBytes, int maxControlFileBytes) {
        this.maxLineBytes = maxLineBytes;
        this.maxControlFileBytes = maxControlFileBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case COMMAND -> {
                String line = readLine(in, out);
                if (line != null) {
                    out.add(command(line));
                }
            }
            case SUBCOMMAND -> {
                String line = readLine(in, out);
                if (line != null) {
                    out.add(subcommand(line));
                }
            }
            case CONTROL_FILE -> {
                if (in.readableBytes() >= remaining + 1) {
                    String text = in.readCharSequence((int) remaining, StandardCharsets.UTF_8).toString();
                    if (in.readByte() != 0) {
                        out.add(malformed("the control file " + fileName + " is not followed by a zero byte"));
                    } else {
                        state = State.SUBCOMMAND;
                        out.add(new LpdMessage.ControlFile(fileName, text));
                    }
                }
            }
            case DATA_FILE -> {
                int n = (int) Math.min(in.readableBytes(), remaining);
                if (n > 0) {
                    remaining -= n;
                    out.add(new LpdMessage.DataChunk(in.readRetainedSlice(n)));
                }
                if (remaining == 0) {
                    state = State.FILE_END;
                }
            }
            case FILE_END -> {
                if (in.isReadable()) {
                    if (in.readByte() != 0) {
                        out.add(malformed("the data file " + fileName + " is not followed by a zero byte"));
                    } else {
                        state = State.SUBCOMMAND;
                        out.add(new LpdMessage.DataFileEnd());
                    }
                }
            }
            case DATA_UNTIL_EOF -> {
                if (in.isReadable()) {
                    out.add(new LpdMessage.DataChunk(in.readRetainedSlice(in.readableBytes())));
                }
            }
            case IGNORE -> in.skipBytes(in.readableBytes());
        }
    }

    /** The end of input ends a data file sent without a size (LPRng's "kut-through" mode). */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (state == State.DATA_UNTIL_EOF) {
            state = State.IGNORE;
            out.add(new LpdMessage.DataFileEnd());
        }
    }

    /** A line without its LF (and a CR before it), or null while it is incomplete. */
    private String readLine(ByteBuf in, List<Object> out) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), LF);
        if (lf < 0) {
            if (in.readableBytes() >= maxLineBytes) {
                in.skipBytes(in.readableBytes());
                out.add(malformed("a command line is longer than " + maxLineBytes + " bytes"));
            }
            return null;
        }
        int length = lf - in.readerIndex();
        if (length + 1 > maxLineBytes) {
            in.skipBytes(length + 1);
            out.add(malformed("a command line is longer than " + maxLineBytes + " bytes"));
            return null;
        }
        String line = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
        in.skipBytes(1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private LpdMessage command(String line) {
        if (line.isEmpty()) {
            return malformed("an empty command line");
        }
        int code = line.charAt(0);
        String[] words = line.substring(1).trim().split("[ \t]+");
        String queue = words[0];
        List<String> operands = words.length > 1 ? List.of(Arrays.copyOfRange(words, 1, words.length)) : List.of();
        state = code == RECEIVE_JOB ? State.SUBCOMMAND : State.IGNORE;
        return new LpdMessage.Command(code, queue, operands);
    }

    private LpdMessage subcommand(String line) {
        if (line.isEmpty()) {
            return malformed("an empty subcommand line");
        }
        int code = line.charAt(0);
        if (code == SUB_ABORT) {
            return new LpdMessage.Abort();
        }
        if (code != SUB_CONTROL_FILE && code != SUB_DATA_FILE) {
            return malformed("unknown receive-job subcommand " + code);
        }
        String[] words = line.substring(1).trim().split("[ \t]+");
        long size;
        try {
            size = words.length == 2 ? Long.parseLong(words[0]) : -1;
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0) {
            return malformed("subcommand " + code + " needs \"<size> <file name>\", got \"" + printable(line) + "\"");
        }
        fileName = words[1];
        remaining = size;
        if (code == SUB_CONTROL_FILE) {
            if (size == 0 || size > maxControlFileBytes) {
                return malformed("control file " + fileName + " of " + size + " bytes (the limit is "
                        + maxControlFileBytes + ")");
            }
            state = State.CONTROL_FILE;
            return new LpdMessage.ControlFileStart(size, fileName);
        }
        state = size == 0 ? State.DATA_UNTIL_EOF : State.DATA_FILE;
        return new LpdMessage.DataFileStart(size, fileName);
    }

    private LpdMessage malformed(String why) {
        state = State.IGNORE;
        return new LpdMessage.Malformed(why);
    }

    /** The line for a log message, control characters shown as {@code \ooo}. */
    static String printable(String line) {
        StringBuilder b = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                b.append('\\').append(String.format("%03o", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
