package io.paperjam.server.ipp;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.paperjam.server.door.Peers;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * What the IPP door makes of an HTTP request's head, before any of its body: an HTTP-level refusal,
 * a request for the status page, or an IPP request whose attributes (and document) follow.
 *
 * @param refusal  the status to refuse with, for {@link Kind#REFUSED}; else null
 * @param message  why it is refused, for {@link Kind#REFUSED}; else null
 */
record IppHttpRoute(Kind kind, HttpResponseStatus refusal, String message) {

    enum Kind { REFUSED, STATUS_PAGE, IPP }

    private static final IppHttpRoute STATUS_PAGE = new IppHttpRoute(Kind.STATUS_PAGE, null, null);
    private static final IppHttpRoute IPP = new IppHttpRoute(Kind.IPP, null, null);

    static IppHttpRoute of(HttpRequest http) {
        if (http.decoderResult().isFailure()) {
            return refused(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        }
        String path = new QueryStringDecoder(http.uri()).path();
        if (!IppUris.isPrinterPath(path)) {
            return refused(HttpResponseStatus.NOT_FOUND, "no printer at " + path + "; use " + IppUris.PRINTER_PATH);
        }
        if (http.method().equals(HttpMethod.GET) || http.method().equals(HttpMethod.HEAD)) {
            return STATUS_PAGE;
        }
        if (!http.method().equals(HttpMethod.POST)) {
            return refused(HttpResponseStatus.METHOD_NOT_ALLOWED, "IPP requests are POSTed");
        }
        String type = http.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.toLowerCase(Locale.ROOT).startsWith(HttpReplies.APPLICATION_IPP)) {
            return refused(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "an IPP request has Content-Type application/ipp");
        }
        return IPP;
    }

    /** Who sent {@code http} on {@code channel}, and the authority (its Host, if safe to echo) they reached us by. */
    static IppRequest.Peer peer(Channel channel, HttpRequest http) {
        String host = http.headers().get(HttpHeaderNames.HOST);
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        String authority = IppUris.isSafeAuthority(host) ? host : authority(local);
        // exactly 127.0.0.1 and ::1, as the JSON port's admin guard decides "this machine"
        boolean loopback = Peers.isLocal(channel.remoteAddress());
        return new IppRequest.Peer(authority, loopback, BasicAuth.password(http.headers().get(HttpHeaderNames.AUTHORIZATION)));
    }

    private static String authority(InetSocketAddress local) {
        String address = local.getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
    }

    private static IppHttpRoute refused(HttpResponseStatus status, String message) {
        return new IppHttpRoute(Kind.REFUSED, status, message);
    }
}
