package io.paperjam.server.lpd;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.server.door.Peers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an LPD connection's command (RFC 1179 section 5): print-waiting-jobs (1) needs nothing
 * (the printer prints by itself), receive-job (2) hands the rest of the connection to an
 * {@link LpdReceiveJob}, queue state (3 short, 4 long) and remove-jobs (5) are answered with text,
 * and anything else gets a negative acknowledgement. Any queue name is accepted: there is one printer.
 */
final class LpdHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LpdHandler.class);
    private static final int PRINT_WAITING = 1;
    private static final int QUEUE_SHORT = 3;
    private static final int QUEUE_LONG = 4;
    private static final int REMOVE_JOBS = 5;
    /** Most jobs a queue listing shows or a removal looks through. */
    static final int MAX_LISTED_JOBS = 1000;

    private final LpdContext door;
    private LpdReceiveJob job;

    LpdHandler(LpdContext door) {
        this.door = door;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (job != null) {
            job.handle((LpdMessage) msg);
        } else if (msg instanceof LpdMessage.Command command) {
            command(ctx, command);
        } else if (msg instanceof LpdMessage.Malformed malformed) {
            refuse(ctx, malformed.why());
        } else {
            ReferenceCountUtil.release(msg instanceof LpdMessage.DataChunk c ? c.content() : msg);
        }
    }

    private void command(ChannelHandlerContext ctx, LpdMessage.Command command) {
        String peer = Peers.describe(ctx.channel());
        String queue = command.queue();
        switch (command.code()) {
            case PRINT_WAITING -> {
                LOG.debug("lpd: {} asked queue {} to print waiting jobs; it does so by itself", peer, queue);
                ctx.close();
            }
            case LpdDecoder.RECEIVE_JOB -> {
                LOG.debug("lpd: {} sends a job to queue {}", peer, queue);
                job = new LpdReceiveJob(door, ctx.channel());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0}));
            }
            case QUEUE_SHORT, QUEUE_LONG -> answer(ctx, () -> LpdQueueText.render(queue, door.printer().status(),
                    door.printer().jobs(null, MAX_LISTED_JOBS), command.operands(), command.code() == QUEUE_LONG));
            case REMOVE_JOBS -> remove(ctx, command, peer);
            default -> refuse(ctx, "unknown LPD command " + command.code() + " (queue \""
                    + LpdDecoder.printable(queue) + "\")");
        }
    }

    private void remove(ChannelHandlerContext ctx, LpdMessage.Command command, String peer) {
        List<String> operands = command.operands();
        if (operands.isEmpty()) {
            refuse(ctx, "remove-jobs needs the requesting user (agent)");
            return;
        }
        boolean trusted = door.trusted().test(ctx.channel().remoteAddress());
        LpdRemoval removal = new LpdRemoval(door.printer(), MAX_LISTED_JOBS);
        answer(ctx, () -> removal.remove(operands.get(0), operands.subList(1, operands.size()), trusted, peer));
    }

    /** Works out the reply on the disk executor (a removal writes the spool), sends it and closes. */
    private void answer(ChannelHandlerContext ctx, Supplier<String> reply) {
        ctx.channel().config().setAutoRead(false);
        try {
            door.disk().execute(() -> {
                String text;
                try {
                    text = reply.get();
                } catch (RuntimeException e) {
                    LOG.error("lpd: answering {} failed", Peers.describe(ctx.channel()), e);
                    text = "paperjam: internal error; see the server log\n";
                }
                ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8))
                        .addListener(ChannelFutureListener.CLOSE);
            });
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        LOG.warn("lpd: refused {}: {}", Peers.describe(ctx.channel()), why);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1})).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            if (job != null) {
                job.inputEnded();
            } else {
                ctx.close();
            }
        } else if (evt instanceof IdleStateEvent) {
            LOG.info("lpd: closing {}: idle for {}s", Peers.describe(ctx.channel()),
                    door.limits().idleTimeout().toSeconds());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (job != null) {
            job.connectionLost();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("lpd: connection from {} failed: {}", Peers.describe(ctx.channel()), cause.toString());
        ctx.close();
    }
}
