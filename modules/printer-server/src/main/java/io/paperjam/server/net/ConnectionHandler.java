package io.paperjam.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Protocol;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's logic: hands each decoded request to its {@link Lane} (so replies keep request
 * order and disk work stays off the event loop), streams submit bodies through an
 * {@link Upload}, turns the connection into an {@link EventStream} on watch, and stops reading
 * while the lane is behind or the client is not reading its replies.
 */
public final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    /** Requests a client may pipeline ahead of their replies before the server stops reading. */
    public static final int MAX_QUEUED_REQUESTS = 64;
    /** Bad request lines in a row after which the server hangs up: the peer is not speaking this protocol. */
    public static final int MAX_BAD_IN_A_ROW = 16;
    /** Shortest period of the slow-request-line check; it runs four times per idle timeout. */
    static final long MIN_LINE_CHECK_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ServerContext server;
    private final Operations operations;
    private Channel channel;
    private Lane lane;
    private ReadAheadPool.Claim readAhead;
    private Upload upload;
    private EventStream watch;
    private boolean closing;
    private boolean inputShut;
    private int badInARow;

    public ConnectionHandler(ServerContext server, Operations operations) {
        this.server = server;
        this.operations = operations;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        lane = new Lane(server.disk(), channel.eventLoop(), this::afterTask);
        readAhead = server.readAhead().claim();
        long idleMillis = server.settings().idleTimeout().toMillis();
        long every = Math.max(MIN_LINE_CHECK_MILLIS, idleMillis / 4);
        ScheduledFuture<?> lineCheck = channel.eventLoop().scheduleAtFixedRate(this::checkSlowLine, every, every,
                TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> lineCheck.cancel(false));   // refused connections too
    }

    /**
     * Hangs up on a client whose request line has taken longer than the idle timeout to arrive
     * (one byte now and then, "slowloris"): each byte resets the idle timer, so it alone would let
     * such a client hold a connection for hours.
     */
    private void checkSlowLine() {
        RequestDecoder decoder = channel.pipeline().get(RequestDecoder.class);
        if (decoder == null || closing || watch != null || lane.tasks() > 0 || !channel.config().isAutoRead()) {
            return;
        }
        long idle = server.settings().idleTimeout().toNanos();
        if (decoder.lineAgeNanos(System.nanoTime()) >= idle) {
            long seconds = server.settings().idleTimeout().toSeconds();
            log.info("closing {}: its request line was not complete after {} s", peer(), seconds);
            finish(Reply.error(ErrorCode.TIMEOUT, "the request line did not arrive within " + seconds
                    + " s; closing the connection"));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf chunk) {
            Upload current = upload;
            if (current == null) {
                chunk.release();
            } else {
                lane.run(chunk.readableBytes(), () -> current.chunk(chunk));
            }
        } else if (msg instanceof BodyEnd end) {
            Upload current = upload;
            upload = null;
            if (current != null) {
                lane.run(0, () -> current.end(end.trailer()));
            }
        } else if (msg instanceof BadFrame bad) {
            onBadFrame(bad);
        } else if (msg instanceof Request request) {
            onRequest(request);
        } else {
            ReferenceCountUtil.release(msg);
        }
        gate();
    }

    private void onRequest(Request request) {
        if (closing || watch != null) {
            log.debug("ignored {} from {}: the connection is closing or watching", request.op(), peer());
            return;
        }
        badInARow = 0;
        if (server.draining()) {
            finish(Reply.error(ErrorCode.BUSY, "the printer server is shutting down"));
        } else if (request instanceof Request.Submit submit) {
            Upload current = new Upload(server, channel, submit);
            upload = current;
            lane.run(0, current::begin);
        } else if (request instanceof Request.Watch) {
            startWatch();
        } else {
            SocketAddress from = channel.remoteAddress();
            lane.run(0, () -> channel.writeAndFlush(operations.execute(request, from)));
        }
    }

    private void onBadFrame(BadFrame bad) {
        if (closing || watch != null) {
            return;
        }
        log.warn("bad request from {}: {} {}", peer(), bad.error().code(), bad.error().getMessage());
        Reply reply = bad.error().toReply();
        if (bad.fatal()) {
            finish(reply);
        } else if (++badInARow >= MAX_BAD_IN_A_ROW) {
            log.warn("closing {}: {} bad requests in a row", peer(), badInARow);
            finish(reply);
        } else {
            lane.run(0, () -> channel.writeAndFlush(reply));
        }
    }

    /** Subscribes first and opens the stream after the reply, so no event is lost or early. */
    private void startWatch() {
        EventStream stream = new EventStream(channel, server.settings().maxWatchBacklog());
        watch = stream;
        RequestDecoder decoder = channel.pipeline().get(RequestDecoder.class);
        if (decoder != null) {
            decoder.discardRest();   // a watching connection only listens; what it sends is dropped
        }
        if (channel.pipeline().get(PrinterServerInitializer.IDLE) != null) {
            channel.pipeline().remove(PrinterServerInitializer.IDLE);    // watchers may be quiet forever
        }
        lane.run(0, () -> {
            stream.subscribed(server.printer().watch(stream));
            channel.writeAndFlush(Reply.success().withProtocol(Protocol.VERSION)
                    .withPrinter(server.printer().status()));
            stream.open();
        });
        log.info("{} is watching", peer());
    }

    /** Sends {@code last} after everything queued, then closes without losing it. */
    private void finish(Reply last) {
        closing = true;
        RequestDecoder decoder = channel.pipeline().get(RequestDecoder.class);
        if (decoder != null) {
            decoder.discardRest();
        }
        Upload current = upload;
        upload = null;
        if (current != null) {
            lane.run(0, () -> current.abandon(false));
        }
        lane.run(0, () -> LingeringClose.after(channel.writeAndFlush(last)));
    }

    /**
     * After each finished task: read again if the lane caught up, and close once nothing is in
     * progress if the server is draining or the client has sent all it will (a watcher stays).
     */
    private void afterTask() {
        gate();
        if (lane.tasks() > 0 || upload != null || !channel.isActive()) {
            return;
        }
        if (closing ? inputShut : server.draining() || inputShut && watch == null) {
            closeAfterWrites();
        }
    }

    /** Closes once every reply already written has reached the socket. */
    private void closeAfterWrites() {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Reads only while the lane is not behind and the client takes its replies. The lane is behind when it holds
     * its own {@code uploadBufferBytes} of document and the server's read-ahead pool has no room for more.
     */
    private void gate() {
        ChannelConfig config = channel.config();
        long own = server.settings().uploadBufferBytes();
        boolean pooled = readAhead.hold(Math.max(0, lane.bytes() - own));
        boolean read = closing || ((lane.bytes() < own || pooled)
                && lane.requests() < MAX_QUEUED_REQUESTS && channel.isWritable());
        if (config.isAutoRead() != read) {
            config.setAutoRead(read);
            RequestDecoder decoder = channel.pipeline().get(RequestDecoder.class);
            if (read && decoder != null) {
                decoder.restartLineClock(System.nanoTime());   // the client was not slow; we were not reading
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        gate();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (lane.tasks() == 0 && watch == null && !closing) {
                long seconds = server.settings().idleTimeout().toSeconds();
                log.info("closing {}: idle for {} s", peer(), seconds);
                finish(Reply.error(ErrorCode.TIMEOUT, "nothing received for " + seconds
                        + " s; closing the connection" + (upload == null ? ""
                        : " (the unfinished document was dropped, nothing queued)")));
            }
        } else if (evt instanceof ChannelInputShutdownEvent) {
            inputShut = true;   // e.g. nc -N: the client is done sending but still reads its replies
            Upload current = upload;
            upload = null;
            if (current != null) {
                lane.run(0, () -> current.abandon(true));
            }
            afterTask();
        } else if (evt == ServerContext.Drain.INSTANCE) {
            afterTask();
        } else {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Upload current = upload;
        upload = null;
        if (current != null) {
            lane.run(0, () -> current.abandon(false));
        }
        if (watch != null) {
            watch.close();
        }
        log.debug("{} disconnected", peer());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", peer(), cause.toString());
        } else if (log.isDebugEnabled()) {
            log.warn("closing {} after an unexpected error", peer(), cause);
        } else {
            log.warn("closing {} after an unexpected error: {}", peer(), cause.toString());
        }
        ctx.close();
    }

    private Object peer() {
        return channel.remoteAddress();
    }
}
