package io.paperjam.server.ipp;

import io.paperjam.server.door.DoorLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the IPP front door can be told: where it listens, its limits, and how the printer
 * describes itself to IPP clients.
 *
 * @param host address to bind, loopback unless told otherwise
 * @param port TCP port; 0 picks a free one
 * @param maxAttributeBytes largest IPP operation header (everything before the document) accepted
 * @param maxDocumentBytes largest document accepted in one Print-Job or Send-Document
 * @param maxConnections connections served at once; more are answered 503 and closed
 * @param idleTimeout a connection silent this long is closed
 * @param openJobLimit Create-Job jobs that may wait for their Send-Document at once
 * @param openJobTimeout a created job still without its document after this long is aborted
 *     (IPP's {@code multiple-operation-time-out})
 * @param adminToken the password (HTTP Basic) that lets a non-local client pause, resume or cancel
 *     another user's job; null means only loopback clients may
 * @param printerName IPP {@code printer-name}
 * @param printerInfo IPP {@code printer-info}
 * @param printerLocation IPP {@code printer-location}
 * @param makeAndModel IPP {@code printer-make-and-model}
 * @param mediaDefault the PWG media name loaded in the tray
 * @param pagesPerMinute the device's speed as IPP reports it
 * @param lowInkPercent the ink level at which the device warns, as {@code marker-low-levels}
 * @param trustLoopback admin operations from 127.0.0.1 or ::1 need no token
 * @param uploadBufferBytes document bytes one connection may hold in memory before reading pauses
 * @param shutdownGrace how long closing the door lets requests in flight finish
 */
public record IppSettings(
        String host,
        int port,
        int maxAttributeBytes,
        long maxDocumentBytes,
        int maxConnections,
        Duration idleTimeout,
        int openJobLimit,
        Duration openJobTimeout,
        String adminToken,
        String printerName,
        String printerInfo,
        String printerLocation,
        String makeAndModel,
        String mediaDefault,
        int pagesPerMinute,
        int lowInkPercent,
        boolean trustLoopback,
        int uploadBufferBytes,
        Duration shutdownGrace) {

    /** The IPP port paperjam uses when enabled without a number (unprivileged, unlike 631). */
    public static final int DEFAULT_PORT = 6631;
    public static final int DEFAULT_MAX_ATTRIBUTE_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_OPEN_JOB_LIMIT = 16;
    public static final Duration DEFAULT_OPEN_JOB_TIMEOUT = Duration.ofSeconds(300);

    public IppSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxAttributeBytes < 512) {
            throw new IllegalArgumentException("maxAttributeBytes must be at least 512: " + maxAttributeBytes);
        }
        if (maxDocumentBytes < 1 || maxConnections < 1 || openJobLimit < 0 || uploadBufferBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(openJobTimeout, "openJobTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(printerInfo, "printerInfo");
        Objects.requireNonNull(printerLocation, "printerLocation");
        Objects.requireNonNull(makeAndModel, "makeAndModel");
        Objects.requireNonNull(mediaDefault, "mediaDefault");
    }

    public static IppSettings defaults() {
        return new IppSettings("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_ATTRIBUTE_BYTES, DEFAULT_MAX_DOCUMENT_BYTES,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_OPEN_JOB_LIMIT, DEFAULT_OPEN_JOB_TIMEOUT,
                null, "paperjam", "paperjam emulated printer", "", "paperjam Emulated Printer",
                "iso_a4_210x297mm", 20, 10, true, DoorLimits.DEFAULT_UPLOAD_BUFFER_BYTES,
                DoorLimits.DEFAULT_SHUTDOWN_GRACE);
    }

    public IppSettings withHost(String v) {
        return new IppSettings(v, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withPort(int v) {
        return new IppSettings(host, v, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withMaxAttributeBytes(int v) {
        return new IppSettings(host, port, v, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withMaxDocumentBytes(long v) {
        return new IppSettings(host, port, maxAttributeBytes, v, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withMaxConnections(int v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, v, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withIdleTimeout(Duration v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, v, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withOpenJobLimit(int v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, v, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withOpenJobTimeout(Duration v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, v, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withAdminToken(String v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, v, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withPrinterName(String v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, v, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withPrinterLocation(String v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, v, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withPagesPerMinute(int v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, v, lowInkPercent, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withLowInkPercent(int v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, v, trustLoopback, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withTrustLoopback(boolean v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, v, uploadBufferBytes, shutdownGrace);
    }

    public IppSettings withUploadBufferBytes(int v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, v, shutdownGrace);
    }

    public IppSettings withShutdownGrace(Duration v) {
        return new IppSettings(host, port, maxAttributeBytes, maxDocumentBytes, maxConnections, idleTimeout, openJobLimit, openJobTimeout, adminToken, printerName, printerInfo, printerLocation, makeAndModel, mediaDefault, pagesPerMinute, lowInkPercent, trustLoopback, uploadBufferBytes, v);
    }
}
