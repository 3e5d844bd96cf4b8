package io.paperjam.server.raw;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.spool.Spool;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Builds a raw connection's pipeline: the idle timer, then the handler that spools the job. */
final class RawInitializer extends ChannelInitializer<SocketChannel> {

    private final Printer printer;
    private final Spool spool;
    private final DoorLimits limits;
    private final Executor disk;

    RawInitializer(Printer printer, Spool spool, DoorLimits limits, Executor disk) {
        this.printer = printer;
        this.spool = spool;
        this.limits = limits;
        this.disk = disk;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("job", new RawJobHandler(printer, spool, limits, disk));
    }
}
