package io.paperjam.server.lpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.Protocol;
import io.paperjam.spool.JobHeader;
import org.junit.jupiter.api.Test;

/** Control files as LPRng and BSD lpr write them become the job attributes a user expects. */
class LpdControlFileTest {

    /** What LPRng's lpr sent for {@code lpr f.txt f.txt} (one data file printed twice). */
    private static final String LPRNG = "Hlocalhost\nProot\nJf.txt,f.txt\nCA\nLroot\nAroot@localhost+331\n"
            + "D2026-11-25-15:27:21.241\nQlp\nNf.txt\nfdfA331localhost\nNf.txt\nfdfA331localhost\nUdfA331localhost\n";

    @Test
    void lprngControlFile() {
        LpdControlFile control = LpdControlFile.parse(LPRNG);

        assertEquals("localhost", control.host());
        assertEquals("root", control.user());
        assertEquals("A", control.jobClass());
        assertEquals(1, control.entries().size());
        LpdControlFile.Entry entry = control.entries().get(0);
        assertEquals("dfA331localhost", entry.dataFile());
        assertEquals(2, entry.copies(), "one print line per copy");

        JobHeader header = control.header(entry, 12);
        assertEquals("f.txt,f.txt", header.name(), "a one-file job is named by J");
        assertEquals("root", header.user());
        assertEquals(2, header.copies());
        assertEquals(12, header.declaredSize());
        assertNull(header.format(), "'f' says nothing reliable about the bytes: they are sniffed");
    }

    @Test
    void severalDataFilesAreNamedByTheirSourceNames() {
        LpdControlFile control = LpdControlFile.parse("Hh\nPann\nJa.ps,b.txt\nNa.ps\nodfA1h\nNb.txt\nldfB1h\n");

        assertEquals(2, control.entries().size());
        JobHeader first = control.header(control.entry("dfA1h").orElseThrow(), 0);
        JobHeader second = control.header(control.entry("dfB1h").orElseThrow(), 0);
        assertEquals("a.ps", first.name());
        assertEquals("application/postscript", first.format());
        assertEquals(-1, first.declaredSize(), "size 0 means unknown");
        assertEquals("b.txt", second.name());
        assertTrue(control.entry("dfC1h").isEmpty());
    }

    @Test
    void copiesFromAKLineAndWithinTheLimit() {
        assertEquals(4, LpdControlFile.parse("Pu\nK4\nldfA1h\n").entries().get(0).copies());
        assertEquals(Protocol.MAX_COPIES, LpdControlFile.parse("Pu\nK99999\nldfA1h\n").entries().get(0).copies());
        assertEquals(1, LpdControlFile.parse("Pu\nKmany\nldfA1h\n").entries().get(0).copies());
    }

    @Test
    void missingFieldsFallBack() {
        LpdControlFile control = LpdControlFile.parse("Lbanner\r\nldfA9h\r\nXunknown line\n\n");
        JobHeader header = control.header(control.entries().get(0), 5);
        assertEquals("banner", header.user(), "L when there is no P");
        assertEquals("dfA9h", header.name(), "the data file name when there is neither J nor N");
        assertEquals(0, LpdControlFile.parse("Pu\nJnothing to print\n").entries().size());
    }
}
