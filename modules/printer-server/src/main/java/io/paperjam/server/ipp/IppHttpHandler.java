package io.paperjam.server.ipp;

import com.hp.jipp.encoding.IppPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.paperjam.protocol.JobInfo;
import io.paperjam.server.door.DocumentIngest;
import io.paperjam.server.door.DoorListener;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection of the IPP door. Per request: route it by its head ({@link IppHttpRoute}),
 * collect the body until the IPP attributes end ({@link IppAttributeBuffer}), decode and check them,
 * then either stream the document that follows into the spool (a {@link DocumentIngest}, as every
 * door does) or discard any trailing bytes, and answer once the body has ended. One request at a
 * time; reading pauses while an answer is being worked out.
 */
final class IppHttpHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(IppHttpHandler.class);

    private enum Phase { IDLE, ATTRIBUTES, DOCUMENT, DISCARD, STATUS_PAGE, ANSWERING }

    private final IppService service;
    private Phase phase = Phase.IDLE;
    private boolean keepAlive;
    private long contentLength;
    private IppRequest.Peer peer;
    private IppAttributeBuffer attributes;
    private IppRequest request;
    private IppPacket earlyAnswer;
    private DocumentIngest<JobInfo> stream;
    private DocumentOperations.Plan plan;
    private long discarded;

    IppHttpHandler(IppService service) {
        this.service = service;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest http) {
            begin(ctx, http);
        }
        if (msg instanceof HttpContent content) {
            body(ctx, content);
            if (msg instanceof LastHttpContent) {
                end(ctx);
            }
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest http) {
        if (phase != Phase.IDLE) {
            LOG.warn("{} pipelined a request before its previous answer; closing", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(http);
        IppHttpRoute route = IppHttpRoute.of(http);
        switch (route.kind()) {
            case REFUSED -> refuseHttp(ctx, route.refusal(), route.message());
            case STATUS_PAGE -> {
                peer = IppHttpRoute.peer(ctx.channel(), http);
                phase = Phase.STATUS_PAGE;
            }
            case IPP -> {
                peer = IppHttpRoute.peer(ctx.channel(), http);
                contentLength = HttpUtil.getContentLength(http, -1L);
                attributes = new IppAttributeBuffer(ctx.alloc(), service.settings().maxAttributeBytes());
                phase = Phase.ATTRIBUTES;
            }
        }
    }

    private void body(ChannelHandlerContext ctx, HttpContent content) {
        ByteBuf bytes = content.content();
        switch (phase) {
            case ATTRIBUTES -> collectAttributes(ctx, bytes);
            case DOCUMENT -> stream.write(bytes.retain());
            case DISCARD, STATUS_PAGE -> discard(ctx, bytes.readableBytes());
            default -> {
                // answering or idle: a body without a request, nothing to do with it
            }
        }
    }

    private void collectAttributes(ChannelHandlerContext ctx, ByteBuf bytes) {
        int end;
        try {
            end = attributes.add(bytes);
        } catch (IppException e) {
            answerEarly(e);
            return;
        }
        if (attributes.overLimit(end)) {
            LOG.warn("IPP attributes from {} exceed {} bytes; closing", peer.authority(), attributes.maxBytes());
            IppPacket refusal = IppResponses.error(0x0101, requestIdSoFar(), attributes.tooLong());
            releaseAttributes();
            phase = Phase.ANSWERING;
            keepAlive = false;
            HttpReplies.ipp(ctx, IppResponses.encode(refusal), false);
            return;
        }
        if (end < 0) {
            return;
        }
        IppAttributeBuffer.Attributes complete = attributes.take(end);
        attributes = null;
        decide(ctx, complete);
    }

    private void decide(ChannelHandlerContext ctx, IppAttributeBuffer.Attributes attrs) {
        byte[] header = attrs.header();
        ByteBuf rest = attrs.rest();
        try {
            request = IppRequest.decode(header, peer);
            IppRequestValidator.check(request);
            if (IppOperationCodes.carriesDocument(request.operation())) {
                long size = contentLength < 0 ? -1 : contentLength - header.length;
                plan = service.documents().prepare(request, size);
                stream = new DocumentIngest<>(ctx.channel(), service.disk(), service.limits(), plan.sink());
                stream.result().whenComplete((job, error) -> ctx.executor().execute(() -> documentDone(ctx, job, error)));
                phase = Phase.DOCUMENT;
                stream.write(rest);
                return;
            }
            phase = Phase.DISCARD;
        } catch (IppException e) {
            earlyAnswer = IppResponses.error(attrs.version(), attrs.requestId(), e);
            LOG.debug("IPP request from {} refused: {}", peer, e.getMessage());
            phase = Phase.DISCARD;
        }
        discard(ctx, rest.readableBytes());
        rest.release();
    }

    private void answerEarly(IppException e) {
        earlyAnswer = IppResponses.error(0x0101, requestIdSoFar(), e);
        releaseAttributes();
        phase = Phase.DISCARD;
    }

    private void discard(ChannelHandlerContext ctx, int n) {
        discarded += n;
        if (discarded > service.settings().maxDocumentBytes()) {
            LOG.warn("{} sent more than {} bytes nobody reads; closing", peer, service.settings().maxDocumentBytes());
            ctx.close();
        }
    }

    private void end(ChannelHandlerContext ctx) {
        switch (phase) {
            case ATTRIBUTES -> {
                answerEarly(IppException.badRequest("the request ended before its IPP attributes did"));
                answer(ctx, earlyAnswer);
            }
            case DISCARD -> {
                if (earlyAnswer != null) {
                    answer(ctx, earlyAnswer);
                } else {
                    runOperation(ctx);
                }
            }
            case DOCUMENT -> {
                phase = Phase.ANSWERING;
                ctx.channel().config().setAutoRead(false);
                stream.finish(plan.sink()::commit);
            }
            case STATUS_PAGE -> statusPage(ctx);
            default -> {
                // already answered (an HTTP-level refusal)
            }
        }
    }

    private void runOperation(ChannelHandlerContext ctx) {
        phase = Phase.ANSWERING;
        ctx.channel().config().setAutoRead(false);
        IppRequest current = request;
        offload(ctx, () -> service.dispatcher().handle(current), response -> answer(ctx, response));
    }

    private void documentDone(ChannelHandlerContext ctx, JobInfo job, Throwable error) {
        // the bookkeeping (open jobs, log lines) happens even if the client is gone
        IppPacket response = error == null ? service.documents().succeeded(plan, job)
                : service.documents().failed(plan, error);
        if (!ctx.channel().isActive()) {
            return;
        }
        if (error != null) {
            // the body may still be arriving: answer now and close, rather than read a document nobody keeps
            keepAlive = keepAlive && phase == Phase.ANSWERING;
        }
        phase = Phase.ANSWERING;
        answer(ctx, response);
    }

    private void answer(ChannelHandlerContext ctx, IppPacket response) {
        HttpReplies.ipp(ctx, IppResponses.encode(response), keepAlive);
        reset(ctx);
    }

    private void statusPage(ChannelHandlerContext ctx) {
        phase = Phase.ANSWERING;
        String authority = peer.authority();
        offload(ctx, () -> IppStatusPage.render(service.context(), authority), html -> {
            HttpReplies.html(ctx, html, keepAlive);
            reset(ctx);
        });
    }

    /** Works an answer out on the disk executor, then sends it from the event loop; 503 once shutting down. */
    private <T> void offload(ChannelHandlerContext ctx, Supplier<T> work, Consumer<T> send) {
        try {
            service.disk().execute(() -> {
                T answer = work.get();
                ctx.executor().execute(() -> send.accept(answer));
            });
        } catch (RejectedExecutionException e) {
            HttpReplies.text(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "the printer is shutting down", false);
        }
    }

    private void refuseHttp(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        phase = Phase.ANSWERING;
        keepAlive = false;
        HttpReplies.text(ctx, status, message, false);
    }

    private void reset(ChannelHandlerContext ctx) {
        phase = Phase.IDLE;
        request = null;
        earlyAnswer = null;
        stream = null;
        plan = null;
        discarded = 0;
        contentLength = -1;
        if (keepAlive) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private int requestIdSoFar() {
        return attributes != null ? attributes.requestId() : 0;
    }

    private void releaseAttributes() {
        if (attributes != null) {
            attributes.release();
            attributes = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == DoorListener.Drain.INSTANCE) {
            keepAlive = false;   // the answer in flight, if any, is this connection's last
            if (phase == Phase.IDLE) {
                ctx.close();
            }
            return;
        }
        if (evt instanceof IdleStateEvent) {
            LOG.info("closing idle IPP connection from {}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAttributes();
        if (stream != null && phase == Phase.DOCUMENT) {
            stream.abort("the client disconnected before the document ended");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("IPP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
