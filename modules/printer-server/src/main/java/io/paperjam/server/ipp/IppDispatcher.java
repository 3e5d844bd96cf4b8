package io.paperjam.server.ipp;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one IPP operation that carries no document and always returns a response: a refusal becomes
 * its IPP status, and a bug becomes server-error-internal-error and a log line, never a dropped
 * connection. Runs on the disk executor, since cancel, pause and resume write to the spool.
 */
final class IppDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(IppDispatcher.class);

    private final PrinterOperations printerOps;
    private final JobOperations jobOps;

    IppDispatcher(IppContext context) {
        this.printerOps = new PrinterOperations(context);
        this.jobOps = new JobOperations(context);
    }

    IppPacket handle(IppRequest request) {
        try {
            return switch (request.operation()) {
                case IppOperationCodes.GET_PRINTER_ATTRIBUTES -> printerOps.getPrinterAttributes(request);
                case IppOperationCodes.VALIDATE_JOB -> printerOps.validateJob(request);
                case IppOperationCodes.PAUSE_PRINTER -> printerOps.pause(request);
                case IppOperationCodes.RESUME_PRINTER -> printerOps.resume(request);
                case IppOperationCodes.GET_JOBS -> jobOps.getJobs(request);
                case IppOperationCodes.GET_JOB_ATTRIBUTES -> jobOps.getJobAttributes(request);
                case IppOperationCodes.CANCEL_JOB -> jobOps.cancelJob(request);
                case IppOperationCodes.CREATE_JOB -> jobOps.createJob(request);
                default -> throw new IppException(Status.serverErrorOperationNotSupported,
                        String.format("operation 0x%04x is not supported", request.operation()));
            };
        } catch (IppException e) {
            LOG.debug("IPP operation 0x{} refused: {} {}", Integer.toHexString(request.operation()), e.status(),
                    e.getMessage());
            return IppResponses.error(request.version(), request.requestId(), e);
        } catch (RuntimeException e) {
            LOG.error("IPP operation 0x{} failed", Integer.toHexString(request.operation()), e);
            return IppResponses.error(request.version(), request.requestId(),
                    new IppException(Status.serverErrorInternalError, "the printer failed; see its log"));
        }
    }
}
