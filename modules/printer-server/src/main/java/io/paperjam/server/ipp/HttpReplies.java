package io.paperjam.server.ipp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes the HTTP responses of the IPP door: IPP payloads, the status page, and plain HTTP errors. */
final class HttpReplies {

    static final String APPLICATION_IPP = "application/ipp";

    private HttpReplies() {
    }

    static void ipp(ChannelHandlerContext ctx, byte[] body, boolean keepAlive) {
        send(ctx, HttpResponseStatus.OK, APPLICATION_IPP, body, keepAlive);
    }

    static void html(ChannelHandlerContext ctx, String page, boolean keepAlive) {
        send(ctx, HttpResponseStatus.OK, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), keepAlive);
    }

    static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive) {
        send(ctx, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8), keepAlive);
    }

    static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, byte[] body,
                     boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.CONNECTION,
                keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
