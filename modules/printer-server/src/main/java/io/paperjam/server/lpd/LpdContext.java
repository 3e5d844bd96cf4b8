package io.paperjam.server.lpd;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.spool.Spool;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * What every connection of one LPD door shares.
 *
 * @param holdDir  where data files wait for a control file that comes after them
 * @param trusted  peers that may remove anyone's jobs (others only their own)
 */
record LpdContext(Printer printer, Spool spool, DoorLimits limits, Executor disk, Path holdDir,
                  Predicate<SocketAddress> trusted) {
}
