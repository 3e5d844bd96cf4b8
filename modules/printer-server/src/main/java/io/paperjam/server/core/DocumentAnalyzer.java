package io.paperjam.server.core;

import io.paperjam.server.device.DocumentFormat;
import io.paperjam.server.device.PageCounter;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Learns a document's format and page count from its bytes as they stream in, chunk by chunk,
 * never holding more than the first {@link DocumentFormat#SNIFF_BYTES} bytes. The format is the
 * declared one, else sniffed from the first bytes; pages are counted by the rules of the format
 * the bytes show (a PDF declared as text is still counted as a PDF), falling back to the declared
 * format, then to an estimate from the size. Not thread-safe: one upload feeds one analyzer.
 */
public final class DocumentAnalyzer {

    private static final int SCRATCH_BYTES = 8192;
    /**
     * Where a direct slice's bytes are copied to be counted: one per thread (disk threads are pooled),
     * not one per document, which was a tenth of the bytes the server allocated per 4 KiB job.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private final String declared;
    private final Optional<DocumentFormat> declaredFormat;
    private final String name;
    private byte[] head = new byte[DocumentFormat.SNIFF_BYTES];
    private int headLength;
    private DocumentFormat sniffed;
    private PageCounter counter;
    private long size;

    private DocumentAnalyzer(String declared, String name) {
        this.declared = DocumentFormat.isAuto(declared) ? null : declared.strip();
        this.declaredFormat = DocumentFormat.fromDeclared(this.declared);
        this.name = name;
    }

    /** An analyzer for a document declared as {@code declaredFormat} (null or "auto": sniff it). */
    public static DocumentAnalyzer of(String declaredFormat, String name) {
        return new DocumentAnalyzer(declaredFormat, name);
    }

    /** Looks at the buffer's remaining bytes without moving its position. */
    public void update(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (counter != null && !counter.readsBytes()) {
            size += length; // e.g. a document of unknown format past its first bytes: nothing to learn
            return;
        }
        if (chunk.hasArray()) {
            update(chunk.array(), chunk.arrayOffset() + chunk.position(), length);
            return;
        }
        byte[] scratch = SCRATCH.get();
        ByteBuffer view = chunk.duplicate();
        while (view.hasRemaining()) {
            int n = Math.min(scratch.length, view.remaining());
            view.get(scratch, 0, n);
            update(scratch, 0, n);
        }
    }

    /** Looks at {@code length} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int length) {
        size += length;
        if (counter != null) {
            counter.feed(bytes, offset, length);
            return;
        }
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        if (headLength == head.length) {
            decide();
            if (toHead < length) {
                counter.feed(bytes, offset + toHead, length - toHead);
            }
        }
    }

    /** The declared format as given (a known short name becomes its MIME type), else the sniffed one. */
    public String format() {
        if (declared != null) {
            return declaredFormat.map(DocumentFormat::mimeType).orElse(declared);
        }
        return sniffedFormat().mimeType();
    }

    /** The format the first bytes show (on fewer than {@link DocumentFormat#SNIFF_BYTES}, those seen). */
    public DocumentFormat sniffedFormat() {
        return sniffed != null ? sniffed : DocumentFormat.sniff(head, headLength);
    }

    /**
     * The page count of the bytes seen so far, at least 1 (never null; boxed so callers may treat
     * "unknown" uniformly); may be asked again after more bytes.
     */
    public Integer pages() {
        PageCounter c = counter;
        if (c == null) {
            c = counterFor(countingFormat(DocumentFormat.sniff(head, headLength)));
            c.feed(head, 0, headLength);
        }
        int counted = c.pages();
        return counted > 0 ? counted : PageCounter.estimate(size);
    }

    /** Bytes seen so far. */
    public long size() {
        return size;
    }

    /** The document's name, as given by the submitter, for log lines. */
    public String name() {
        return name;
    }

    private void decide() {
        sniffed = DocumentFormat.sniff(head, headLength);
        counter = counterFor(countingFormat(sniffed));
        counter.feed(head, 0, headLength);
        head = Arrays.copyOf(head, 0);
        headLength = 0;
    }

    private DocumentFormat countingFormat(DocumentFormat sniff) {
        boolean magic = sniff == DocumentFormat.PDF || sniff == DocumentFormat.POSTSCRIPT
                || sniff == DocumentFormat.PCL;
        return magic ? sniff : declaredFormat.orElse(sniff);
    }

    private static PageCounter counterFor(DocumentFormat format) {
        return PageCounter.of(format);
    }
}
