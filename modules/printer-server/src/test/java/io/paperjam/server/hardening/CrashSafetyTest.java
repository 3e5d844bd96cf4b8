package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGKILL at random moments under concurrent submits loses no acknowledged job and no device state. */
class CrashSafetyTest {

    private static final Logger log = LoggerFactory.getLogger(CrashSafetyTest.class);

    @TempDir
    Path spool;

    @Test
    @Timeout(120)
    void tenKillsUnderLoadLoseNothingAcknowledged() throws Exception {
        run(10);
    }

    @Test
    @Tag("soak")
    @Timeout(3600)
    void twoHundredKillsUnderLoadLoseNothingAcknowledged() throws Exception {
        run(200);
    }

    private void run(int cycles) throws Exception {
        long seed = System.nanoTime();
        log.warn("crash cycles: seed {}", seed);
        CrashCycles.Figures figures = new CrashCycles(spool, seed).run(cycles);
        log.warn("crash figures: {} SIGKILL cycles survived, {} jobs acknowledged, {} lost (seed {})",
                figures.cycles(), figures.acknowledged(), figures.lost(), seed);
        assertTrue(figures.acknowledged() > cycles, "too few jobs acknowledged to prove anything: " + figures);
        assertEquals(0, figures.lost(), "acknowledged jobs lost");
    }
}
