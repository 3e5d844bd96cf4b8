package io.paperjam.client;

import io.paperjam.protocol.Protocol;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link PrintClient} connects and how long it waits.
 *
 * @param host the printer's host name or address
 * @param port the printer's JSON-header port
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout how long to wait for any one reply line (and for the printer to take document bytes)
 * @param token the admin token sent with admin ops, or null
 * @param user the user name sent with submit and cancel, or null for none
 * @param maxReplyBytes the longest reply or event line accepted; a longer one is a protocol error
 * @param tls how to speak TLS to the printer, or null for plain TCP
 */
public record ClientSettings(String host, int port, Duration connectTimeout, Duration readTimeout,
                             String token, String user, int maxReplyBytes, ClientTls tls) {

    /** Replies can list many jobs, so they may be far longer than a request line. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 16 * 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public ClientSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, not " + port);
        }
        if (maxReplyBytes < 1024) {
            throw new IllegalArgumentException("maxReplyBytes must be at least 1024");
        }
    }

    /** 127.0.0.1 on the default port, no token, the login name as user. */
    public static ClientSettings defaults() {
        return new ClientSettings("127.0.0.1", Protocol.DEFAULT_PORT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, null, System.getProperty("user.name"), DEFAULT_MAX_REPLY_BYTES, null);
    }

    public ClientSettings withHost(String value) {
        return new ClientSettings(value, port, connectTimeout, readTimeout, token, user, maxReplyBytes, tls);
    }

    public ClientSettings withPort(int value) {
        return new ClientSettings(host, value, connectTimeout, readTimeout, token, user, maxReplyBytes, tls);
    }

    /** Sets both the connect and the read timeout. */
    public ClientSettings withTimeout(Duration value) {
        return new ClientSettings(host, port, value, value, token, user, maxReplyBytes, tls);
    }

    public ClientSettings withConnectTimeout(Duration value) {
        return new ClientSettings(host, port, value, readTimeout, token, user, maxReplyBytes, tls);
    }

    public ClientSettings withReadTimeout(Duration value) {
        return new ClientSettings(host, port, connectTimeout, value, token, user, maxReplyBytes, tls);
    }

    public ClientSettings withToken(String value) {
        return new ClientSettings(host, port, connectTimeout, readTimeout, value, user, maxReplyBytes, tls);
    }

    public ClientSettings withUser(String value) {
        return new ClientSettings(host, port, connectTimeout, readTimeout, token, value, maxReplyBytes, tls);
    }

    public ClientSettings withMaxReplyBytes(int value) {
        return new ClientSettings(host, port, connectTimeout, readTimeout, token, user, value, tls);
    }

    /** Speaks TLS as {@code value} says ({@link ClientTls#systemTrust()}, {@link ClientTls#trusting}); null: plain TCP. */
    public ClientSettings withTls(ClientTls value) {
        return new ClientSettings(host, port, connectTimeout, readTimeout, token, user, maxReplyBytes, value);
    }

    /** host:port, with brackets around an IPv6 literal. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
