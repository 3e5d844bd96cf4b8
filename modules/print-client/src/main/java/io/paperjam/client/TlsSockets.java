package io.paperjam.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Wraps a connected socket in TLS as {@link ClientTls} says, and explains a failed handshake in one line. */
final class TlsSockets {

    private TlsSockets() {
    }

    /** The TLS socket over {@code plain}, handshake done and host name checked. */
    static SSLSocket wrap(Socket plain, ClientSettings settings) throws IOException {
        ClientTls tls = settings.tls();
        SSLSocket socket = (SSLSocket) context(tls).getSocketFactory()
                .createSocket(plain, settings.host(), settings.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host
        socket.setSSLParameters(parameters);
        try {
            // a plain-TCP printer never answers a TLS hello: give up after the connect timeout, not the read one
            socket.setSoTimeout(millis(settings.connectTimeout()));
            socket.startHandshake();
            socket.setSoTimeout(millis(settings.readTimeout()));
        } catch (SocketTimeoutException e) {
            throw new TlsFailure("no TLS answer from " + settings.address() + " within "
                    + settings.connectTimeout().toMillis() + " ms: does the printer speak TLS on this port?", e);
        } catch (SSLHandshakeException e) {
            throw new TlsFailure(explain(e, settings), e);
        } catch (javax.net.ssl.SSLException e) {
            throw new TlsFailure("the printer at " + settings.address() + " answered without TLS: it does not "
                    + "speak TLS on this port", e);
        }
        return socket;
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** A handshake or trust-file problem, already worded for the user. */
    static final class TlsFailure extends IOException {
        private static final long serialVersionUID = 1L;

        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static SSLContext context(ClientTls tls) throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(tls.trustFile() == null ? null : trustStore(tls));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsFailure("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(ClientTls tls) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(tls.trustFile())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new TlsFailure("the TLS trust file " + tls.trustFile() + " does not exist", e);
        } catch (CertificateException e) {
            throw new TlsFailure("the TLS trust file " + tls.trustFile() + " holds no readable PEM certificate", e);
        }
        if (certificates.isEmpty()) {
            throw new TlsFailure("the TLS trust file " + tls.trustFile() + " holds no certificate", null);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        return store;
    }

    private static String explain(SSLHandshakeException e, ClientSettings settings) {
        String detail = String.valueOf(e.getMessage());
        String where = "TLS handshake with " + settings.address() + " failed: ";
        if (detail.contains("PKIX") || detail.contains("certification path")) {
            return where + "its certificate is not trusted by " + settings.tls().describeTrust();
        }
        if (detail.contains("No subject alternative") || detail.contains("doesn't match")) {
            return where + "its certificate does not name " + settings.host();
        }
        return where + detail;
    }
}
