package io.paperjam.server.raw;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.server.door.DocumentIngest;
import io.paperjam.server.door.Peers;
import io.paperjam.server.door.SpoolSink;
import io.paperjam.spool.JobHeader;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raw connection, one job: streams every byte to a new spool job and, when the client ends its
 * side or stays idle past the idle timeout, commits it and closes the connection (the only
 * acknowledgement raw printing has). An idle connection ends its job as sent, like a real printer
 * that prints what it got; a reset connection or an over-limit document queues nothing.
 */
final class RawJobHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RawJobHandler.class);

    private final RawContext door;
    private DocumentIngest<JobInfo> ingest;
    private SpoolSink sink;
    private boolean ending;

    RawJobHandler(RawContext door) {
        this.door = door;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Optional<PrinterReason> refusal = door.printer().refusal();
        if (refusal.isPresent()) {
            LOG.warn("raw: refused a job from {}: the printer reports {} and refuses jobs while faulted",
                    Peers.describe(ctx.channel()), refusal.get().wire());
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf) || ending) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (ingest == null) {
            ingest = begin(ctx);
        }
        ingest.write(buf);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            end(ctx, "the client finished sending");
        } else if (evt instanceof IdleStateEvent) {
            end(ctx, "the client was idle for " + door.limits().idleTimeout().toSeconds() + "s; ending the job as sent");
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ingest != null && !ending) {
            ending = true;
            ingest.abort("the connection broke before the client finished sending");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("raw: connection from {} failed: {}", Peers.describe(ctx.channel()), cause.toString());
        if (ingest != null && !ending) {
            ending = true;
            ingest.abort("the connection failed: " + cause);
        }
        ctx.close();
    }

    private DocumentIngest<JobInfo> begin(ChannelHandlerContext ctx) {
        String name = "raw job from " + Peers.host(ctx.channel());
        sink = new SpoolSink(door.spool(), door.printer(), new JobHeader(name, null, 1, null, null, -1, null));
        DocumentIngest<JobInfo> started = new DocumentIngest<>(ctx.channel(), door.disk(), door.limits(), sink);
        started.result().whenComplete((job, error) -> {
            if (error == null) {
                LOG.info("raw: job {} queued from {}: {} bytes, {}, {} page(s)", job.id(),
                        Peers.describe(ctx.channel()), job.size(), job.format(), job.pages());
            } else {
                LOG.warn("raw: job from {} not queued after {} bytes: {}", Peers.describe(ctx.channel()),
                        started.received(), error.getMessage());
            }
            ending = true;
            ctx.close();
        });
        return started;
    }

    private void end(ChannelHandlerContext ctx, String why) {
        if (ending) {
            return;
        }
        ending = true;
        if (ingest == null) {
            LOG.debug("raw: {} closed without sending anything ({})", Peers.describe(ctx.channel()), why);
            ctx.close();
            return;
        }
        LOG.debug("raw: job from {} ends: {}", Peers.describe(ctx.channel()), why);
        ingest.finish(sink::commit);
    }
}
