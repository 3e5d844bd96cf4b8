package io.paperjam.server.ipp;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.paperjam.protocol.JobInfo;
import io.paperjam.server.door.DocumentIngest;
import io.paperjam.server.door.DoorListener;
import io.paperjam.server.door.Peers;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection of the IPP door. Per request: collect the body until the IPP attributes end
 * ({@link IppHeaderScanner}), decode and check them, then either stream the document that follows
 * into the spool (a {@link DocumentIngest}, as every door does) or discard any trailing bytes, and answer once the body has
 * ended. One request at a time; reading pauses while an answer is being worked out.
 */
final class IppHttpHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(IppHttpHandler.class);

    private enum Phase { IDLE, ATTRIBUTES, DOCUMENT, DISCARD, STATUS_PAGE, ANSWERING }

    private final IppService service;
    private Phase phase = Phase.IDLE;
    private boolean keepAlive;
    private long contentLength;
    private IppRequest.Peer peer;
    private CompositeByteBuf attributes;
    private IppHeaderScanner scanner;
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
        if (http.decoderResult().isFailure()) {
            phase = Phase.ANSWERING;
            HttpReplies.text(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", false);
            return;
        }
        String path = new QueryStringDecoder(http.uri()).path();
        if (!IppUris.isPrinterPath(path)) {
            refuseHttp(ctx, HttpResponseStatus.NOT_FOUND, "no printer at " + path + "; use " + IppUris.PRINTER_PATH);
            return;
        }
        peer = peer(ctx, http);
        if (http.method().equals(HttpMethod.GET) || http.method().equals(HttpMethod.HEAD)) {
            phase = Phase.STATUS_PAGE;
            return;
        }
        if (!http.method().equals(HttpMethod.POST)) {
            refuseHttp(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "IPP requests are POSTed");
            return;
        }
        String type = http.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith(HttpReplies.APPLICATION_IPP)) {
            refuseHttp(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "an IPP request has Content-Type application/ipp");
            return;
        }
        contentLength = HttpUtil.getContentLength(http, -1L);
        attributes = ctx.alloc().compositeBuffer();
        scanner = new IppHeaderScanner();
        phase = Phase.ATTRIBUTES;
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
        attributes.addComponent(true, bytes.retain());
        int end;
        try {
            end = scanner.scan(attributes);
        } catch (IppException e) {
            answerEarly(e);
            return;
        }
        int seen = end < 0 ? attributes.readableBytes() : end;
        if (seen > service.settings().maxAttributeBytes()) {
            LOG.warn("IPP attributes from {} exceed {} bytes; closing", peer.authority(),
                    service.settings().maxAttributeBytes());
            int requestId = rawRequestId();
            releaseAttributes();
            phase = Phase.ANSWERING;
            keepAlive = false;
            HttpReplies.ipp(ctx, IppResponses.encode(IppResponses.error(0x0101, requestId, new IppException(
                    Status.clientErrorRequestEntityTooLarge, "the IPP attributes are longer than "
                    + service.settings().maxAttributeBytes() + " bytes"))), false);
            return;
        }
        if (end < 0) {
            return;
        }
        byte[] header = ByteBufUtil.getBytes(attributes, attributes.readerIndex(), end);
        ByteBuf rest = attributes.retainedSlice(attributes.readerIndex() + end, attributes.readableBytes() - end);
        releaseAttributes();
        decide(ctx, header, rest);
    }

    private void decide(ChannelHandlerContext ctx, byte[] header, ByteBuf rest) {
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
            int version = header.length >= 2 ? ((header[0] & 0xFF) << 8) | (header[1] & 0xFF) : 0x0101;
            int requestId = header.length >= 8 ? ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16)
                    | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF) : 0;
            earlyAnswer = IppResponses.error(version, requestId, e);
            LOG.debug("IPP request from {} refused: {}", peer, e.getMessage());
            phase = Phase.DISCARD;
        }
        discard(ctx, rest.readableBytes());
        rest.release();
    }

    private void answerEarly(IppException e) {
        earlyAnswer = IppResponses.error(0x0101, rawRequestId(), e);
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
        try {
            service.disk().execute(() -> {
                IppPacket response = service.dispatcher().handle(current);
                ctx.executor().execute(() -> answer(ctx, response));
            });
        } catch (RejectedExecutionException e) {
            HttpReplies.text(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "the printer is shutting down", false);
        }
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
        try {
            service.disk().execute(() -> {
                IppContext context = service.context();
                String html = IppStatusPage.render(service.settings(), context.view(peer.authority()),
                        context.printer().jobs(null, JobOperations.MAX_JOBS_LISTED));
                ctx.executor().execute(() -> {
                    HttpReplies.send(ctx, HttpResponseStatus.OK, "text/html; charset=utf-8",
                            html.getBytes(java.nio.charset.StandardCharsets.UTF_8), keepAlive);
                    reset(ctx);
                });
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

    private int rawRequestId() {
        return attributes != null && attributes.readableBytes() >= 8 ? attributes.getInt(attributes.readerIndex() + 4) : 0;
    }

    private void releaseAttributes() {
        if (attributes != null) {
            attributes.release();
            attributes = null;
        }
    }

    private static IppRequest.Peer peer(ChannelHandlerContext ctx, HttpRequest http) {
        String host = http.headers().get(HttpHeaderNames.HOST);
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        String authority = IppUris.isSafeAuthority(host) ? host : authority(local);
        // exactly 127.0.0.1 and ::1, as the JSON port's admin guard decides "this machine"
        boolean loopback = Peers.isLocal(ctx.channel().remoteAddress());
        return new IppRequest.Peer(authority, loopback, BasicAuth.password(http.headers().get(HttpHeaderNames.AUTHORIZATION)));
    }

    private static String authority(InetSocketAddress local) {
        String address = local.getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
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
