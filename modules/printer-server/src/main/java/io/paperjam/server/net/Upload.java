package io.paperjam.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import io.paperjam.server.core.Accepted;
import io.paperjam.server.core.DocumentAnalyzer;
import io.paperjam.server.core.Printer;
import io.paperjam.spool.ChecksumMismatchException;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.SizeMismatchException;
import io.paperjam.spool.SpoolFullException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submit: checks it may be queued, streams its document into the spool chunk by chunk,
 * commits it and replies. Every method runs on the connection's {@link Lane}, one after the
 * other. A refused or failed submit is answered at once; the rest of its document is read and
 * thrown away so the connection stays in step.
 */
final class Upload {

    private static final Logger log = LoggerFactory.getLogger(Upload.class);

    private enum Phase { WAITING, STREAMING, REFUSED, FINISHED }

    private final ServerContext server;
    private final Channel channel;
    private final Request.Submit submit;
    private Phase phase = Phase.WAITING;
    private JobUpload upload;
    private DocumentAnalyzer analyzer;
    private long received;

    Upload(ServerContext server, Channel channel, Request.Submit submit) {
        this.server = server;
        this.channel = channel;
        this.submit = submit;
    }

    /** Refuses the submit now if it is over a limit or the printer rejects jobs, else opens the spool upload. */
    void begin() {
        long max = server.settings().maxDocumentBytes();
        if (submit.size() > max) {
            refuse(ErrorCode.TOO_LARGE, "document of " + submit.size() + " bytes is over the limit of "
                    + max + " bytes; nothing was queued", null);
            return;
        }
        Printer printer = server.printer();
        Optional<PrinterReason> refusal = printer.refusal();
        if (refusal.isPresent()) {
            refuse(ErrorCode.of(refusal.get()), PrinterMessages.refused(refusal.get()), printer.status());
            return;
        }
        try {
            upload = server.spool().begin(header());
            analyzer = printer.analyzer(submit.format(), submit.name());
            phase = Phase.STREAMING;
        } catch (SpoolFullException e) {
            refuse(ErrorCode.SPOOL_FULL, "the spool is full (" + e.getMessage() + "); nothing was queued", null);
        } catch (IOException | RuntimeException e) {
            log.error("could not start the upload of '{}' from {}", submit.name(), peer(), e);
            refuse(ErrorCode.INTERNAL, "the printer could not store the document; see its log", null);
        }
    }

    /** Stores one chunk of the document, or throws it away if the submit was refused. */
    void chunk(ByteBuf chunk) {
        try {
            received += chunk.readableBytes();
            if (phase != Phase.STREAMING) {
                return;
            }
            ByteBuffer bytes = chunk.nioBuffer();
            analyzer.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                upload.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            log.error("could not store the document '{}' from {}", submit.name(), peer(), e);
            discardUpload();
            refuse(ErrorCode.INTERNAL, "the printer could not store the document; see its log", null);
        } finally {
            chunk.release();
        }
    }

    /**
     * The whole document (and its checksum trailer, if announced: {@code trailer}, else null) arrived: commit
     * it durably, queue it and acknowledge.
     */
    void end(RequestDecoder.Trailer trailer) {
        if (phase != Phase.STREAMING) {
            return;
        }
        phase = Phase.FINISHED;
        try {
            String expectedSha256 = null;
            if (submit.hasChecksumTrailer()) {
                if (trailer == null || trailer.refusal() != null) {
                    fail(ErrorCode.BAD_REQUEST, (trailer == null ? "the checksum trailer was not received"
                            : trailer.refusal().getMessage()) + "; nothing was queued", trailer == null ? null
                            : trailer.refusal());
                    return;
                }
                expectedSha256 = trailer.sha256();
            }
            if (submit.pages() == null && analyzer.pages() != null) {
                upload.pages(analyzer.pages());
            }
            if (submit.format() == null) {
                upload.format(analyzer.format()); // sniffed: what a listing of jobs should show, not null
            }
            JobRecord record = upload.commit(expectedSha256);
            // DEBUG: at INFO every disk thread queued on the logger's lock once per job (JFR, 64 connections)
            log.debug("job {} '{}' stored from {}: {} bytes", record.id(), submit.name(), peer(), received);
            Accepted accepted = server.printer().accept(record);
            PrinterInfo printer = accepted.printer();
            channel.writeAndFlush(Reply.success().withMessage(PrinterMessages.queued(printer))
                    .withJob(accepted.job()).withPrinter(printer));
        } catch (ChecksumMismatchException e) {
            fail(ErrorCode.CHECKSUM_MISMATCH, "the document does not match its sha256 ("
                    + e.getMessage() + "); nothing was queued", e);
        } catch (SizeMismatchException e) {
            fail(ErrorCode.BAD_REQUEST, "the document is not 'size' bytes long; nothing was queued", e);
        } catch (SpoolFullException e) {
            fail(ErrorCode.SPOOL_FULL, "the spool is full (" + e.getMessage() + "); nothing was queued", e);
        } catch (IOException | RuntimeException e) {
            log.error("could not commit the document '{}' from {}", submit.name(), peer(), e);
            fail(ErrorCode.INTERNAL, "the printer could not store the document; see its log", null);
        }
    }

    /**
     * The client stopped sending before the document was complete: nothing is queued. With
     * {@code tell}, the client (which may still listen after shutting its sending side) is told so.
     */
    void abandon(boolean tell) {
        if (phase == Phase.STREAMING) {
            log.warn("{} stopped sending after {} of {} bytes of '{}'; the upload was dropped, nothing queued",
                    peer(), received, submit.size(), submit.name());
        }
        boolean answered = phase == Phase.REFUSED;
        discardUpload();
        phase = Phase.FINISHED;
        if (tell && !answered && channel.isActive()) {
            channel.writeAndFlush(Reply.error(ErrorCode.BAD_REQUEST, submit.hasChecksumTrailer() && received == submit.size()
                    ? "the checksum trailer did not arrive after the document; nothing was queued"
                    : "the document ended after " + received + " of " + submit.size()
                    + " bytes; nothing was queued"));
        }
    }

    private JobHeader header() {
        int copies = submit.copies() == null ? 1 : submit.copies();
        return new JobHeader(submit.name(), submit.format(), copies, submit.pages(), submit.user(),
                submit.size(), submit.declaredSha256());
    }

    private void refuse(ErrorCode code, String message, PrinterInfo printer) {
        phase = Phase.REFUSED;
        log.warn("submit '{}' from {} refused: {} {}", submit.name(), peer(), code, message);
        channel.writeAndFlush(Reply.error(code, message).withPrinter(printer));
    }

    private void fail(ErrorCode code, String message, Exception cause) {
        if (cause != null) {
            log.warn("submit '{}' from {} failed: {} {}", submit.name(), peer(), code, cause.getMessage());
        }
        discardUpload();
        channel.writeAndFlush(Reply.error(code, message));
    }

    private void discardUpload() {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
        if (phase == Phase.STREAMING) {
            phase = Phase.REFUSED;
        }
    }

    private Object peer() {
        return channel.remoteAddress();
    }
}
