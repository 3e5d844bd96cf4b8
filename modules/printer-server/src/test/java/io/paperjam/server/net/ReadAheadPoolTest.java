package io.paperjam.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadAheadPoolTest {

    private static final long MIB = 1 << 20;

    @Test
    void oneConnectionMayTakeAQuarterOfThePool() {
        ReadAheadPool pool = new ReadAheadPool(32 * MIB);
        ReadAheadPool.Claim big = pool.claim();
        assertTrue(big.hold(0));
        assertTrue(big.hold(7 * MIB));
        assertFalse(big.hold(8 * MIB), "a quarter of the pool is one connection's most");
        assertTrue(big.hold(5 * MIB), "room again once the disk took some");
        assertEquals(5 * MIB, pool.used());
    }

    @Test
    void connectionsShareThePoolAndGiveBackWhatTheyHeld() {
        ReadAheadPool pool = new ReadAheadPool(32 * MIB);
        ReadAheadPool.Claim[] claims = new ReadAheadPool.Claim[5];
        for (int i = 0; i < 4; i++) {
            claims[i] = pool.claim();
            claims[i].hold(8 * MIB);
        }
        claims[4] = pool.claim();
        assertFalse(claims[4].hold(0), "four uploads filled the pool: the fifth reads within its own share only");
        claims[0].hold(0);
        assertEquals(24 * MIB, pool.used());
        assertTrue(claims[4].hold(MIB), "what the first gave back is there for the fifth");
    }

    @Test
    void aPoolOfZeroLendsNothing() {
        ReadAheadPool pool = new ReadAheadPool(0);
        assertFalse(pool.claim().hold(0));
        assertEquals(0, pool.used());
    }
}
