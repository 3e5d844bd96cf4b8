package io.paperjam.server.raw;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.spool.Spool;
import java.util.concurrent.Executor;

/** What every connection of one raw door shares: the printer, the spool, the limits and the disk executor. */
record RawContext(Printer printer, Spool spool, DoorLimits limits, Executor disk) {
}
