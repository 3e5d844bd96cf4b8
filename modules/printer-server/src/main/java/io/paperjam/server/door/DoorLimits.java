package io.paperjam.server.door;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every front door beyond the JSON port enforces, named so that each one is a setting.
 *
 * @param maxDocumentBytes    largest document one job may carry; a longer one is aborted, nothing queued
 * @param maxConnections      most connections one door keeps open at once; the next one is closed at once
 * @param idleTimeout         a connection that sends nothing for this long is ended (raw: the job ends as sent)
 * @param uploadBufferBytes   document bytes one connection may hold in memory before reading pauses
 * @param maxCommandBytes     longest LPD command or subcommand line, newline included
 * @param maxControlFileBytes largest LPD control file (it is read into memory, so it is small)
 * @param shutdownGrace       how long closing a door lets connections in flight finish
 */
public record DoorLimits(long maxDocumentBytes, int maxConnections, Duration idleTimeout, int uploadBufferBytes,
                         int maxCommandBytes, int maxControlFileBytes, Duration shutdownGrace) {

    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 4L << 30;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_UPLOAD_BUFFER_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_COMMAND_BYTES = 1024;
    public static final int DEFAULT_MAX_CONTROL_FILE_BYTES = 64 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public DoorLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (maxDocumentBytes < 1 || maxConnections < 1 || uploadBufferBytes < 1) {
            throw new IllegalArgumentException("document, connection and buffer limits must be positive");
        }
        if (maxCommandBytes < 16 || maxControlFileBytes < 16) {
            throw new IllegalArgumentException("LPD line and control file limits must be at least 16 bytes");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be positive and shutdownGrace not negative");
        }
    }

    /** 4 GiB documents, 256 connections, 2 minutes idle, 1 MiB in memory per upload, 1 KiB lines, 64 KiB control files. */
    public static DoorLimits defaults() {
        return new DoorLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_UPLOAD_BUFFER_BYTES, DEFAULT_MAX_COMMAND_BYTES, DEFAULT_MAX_CONTROL_FILE_BYTES,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public DoorLimits withMaxDocumentBytes(long value) {
        return new DoorLimits(value, maxConnections, idleTimeout, uploadBufferBytes, maxCommandBytes,
                maxControlFileBytes, shutdownGrace);
    }

    public DoorLimits withMaxConnections(int value) {
        return new DoorLimits(maxDocumentBytes, value, idleTimeout, uploadBufferBytes, maxCommandBytes,
                maxControlFileBytes, shutdownGrace);
    }

    public DoorLimits withIdleTimeout(Duration value) {
        return new DoorLimits(maxDocumentBytes, maxConnections, value, uploadBufferBytes, maxCommandBytes,
                maxControlFileBytes, shutdownGrace);
    }

    public DoorLimits withUploadBufferBytes(int value) {
        return new DoorLimits(maxDocumentBytes, maxConnections, idleTimeout, value, maxCommandBytes,
                maxControlFileBytes, shutdownGrace);
    }

    public DoorLimits withMaxCommandBytes(int value) {
        return new DoorLimits(maxDocumentBytes, maxConnections, idleTimeout, uploadBufferBytes, value,
                maxControlFileBytes, shutdownGrace);
    }

    public DoorLimits withMaxControlFileBytes(int value) {
        return new DoorLimits(maxDocumentBytes, maxConnections, idleTimeout, uploadBufferBytes, maxCommandBytes,
                value, shutdownGrace);
    }

    public DoorLimits withShutdownGrace(Duration value) {
        return new DoorLimits(maxDocumentBytes, maxConnections, idleTimeout, uploadBufferBytes, maxCommandBytes,
                maxControlFileBytes, value);
    }
}
