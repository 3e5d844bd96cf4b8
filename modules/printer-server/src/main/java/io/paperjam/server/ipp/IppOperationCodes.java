package io.paperjam.server.ipp;

import java.util.List;

/** The IPP operations this printer implements (RFC 8011 section 5.4.15), by operation-id. */
final class IppOperationCodes {

    static final int PRINT_JOB = 0x0002;
    static final int VALIDATE_JOB = 0x0004;
    static final int CREATE_JOB = 0x0005;
    static final int SEND_DOCUMENT = 0x0006;
    static final int CANCEL_JOB = 0x0008;
    static final int GET_JOB_ATTRIBUTES = 0x0009;
    static final int GET_JOBS = 0x000A;
    static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    static final int PAUSE_PRINTER = 0x0010;
    static final int RESUME_PRINTER = 0x0011;

    /** In the order operations-supported lists them. */
    static final List<Integer> SUPPORTED = List.of(PRINT_JOB, VALIDATE_JOB, CREATE_JOB, SEND_DOCUMENT, CANCEL_JOB,
            GET_JOB_ATTRIBUTES, GET_JOBS, GET_PRINTER_ATTRIBUTES, PAUSE_PRINTER, RESUME_PRINTER);

    private IppOperationCodes() {
    }

    static boolean isSupported(int code) {
        return SUPPORTED.contains(code);
    }

    /** Operations whose request carries a document after the attributes. */
    static boolean carriesDocument(int code) {
        return code == PRINT_JOB || code == SEND_DOCUMENT;
    }

    /** Operations addressed to a job (job-uri, or printer-uri plus job-id). */
    static boolean targetsJob(int code) {
        return code == SEND_DOCUMENT || code == CANCEL_JOB || code == GET_JOB_ATTRIBUTES;
    }
}
