package io.paperjam.server.lpd;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.server.door.DocumentIngest;
import io.paperjam.server.door.Peers;
import io.paperjam.server.door.SpoolSink;
import io.paperjam.spool.SpoolUsage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receive-job (RFC 1179 command 2) on one connection. Each data file the control file asks to
 * print becomes one spool job, streamed straight into the spool when the control file came first
 * (LPRng, CUPS) and held ({@link HeldDataFiles}) until it comes when the data came first (BSD lpr).
 * A data file's or a control file's acknowledgement is sent only after every job it completes is
 * durable in the spool, so the last acknowledgement a client sees means "queued". Runs on the
 * channel's event loop; disk work goes to the disk executor. While a commit runs, reading pauses and
 * whatever else arrives waits its turn.
 */
final class LpdReceiveJob {

    private static final Logger LOG = LoggerFactory.getLogger(LpdReceiveJob.class);
    private static final byte ACK = 0;
    private static final byte NACK = 1;

    private final LpdContext door;
    private final Channel channel;
    private final String peer;
    private final HeldDataFiles held;
    private final Set<String> received = new HashSet<>();
    private final List<Long> queued = new ArrayList<>();
    private final ArrayDeque<LpdMessage> waiting = new ArrayDeque<>();
    private LpdControlFile control;
    private DocumentIngest<?> ingest;
    private Runnable finishIngest;
    private String dataFile;
    private boolean discarding;
    private boolean busy;
    private boolean inputEnded;
    private boolean closed;

    LpdReceiveJob(LpdContext door, Channel channel) {
        this.door = door;
        this.channel = channel;
        this.peer = Peers.describe(channel);
        this.held = new HeldDataFiles(door, peer);
    }

    void handle(LpdMessage message) {
        if (closed) {
            release(message);
        } else if (busy) {
            waiting.add(message);
        } else if (message instanceof LpdMessage.ControlFileStart) {
            send(ACK);
        } else if (message instanceof LpdMessage.ControlFile file) {
            controlFile(file);
        } else if (message instanceof LpdMessage.DataFileStart start) {
            dataFileStart(start);
        } else if (message instanceof LpdMessage.DataChunk chunk) {
            if (ingest != null) {
                ingest.write(chunk.content());
            } else {
                chunk.content().release();
            }
        } else if (message instanceof LpdMessage.DataFileEnd) {
            dataFileEnd();
        } else if (message instanceof LpdMessage.Abort) {
            abort();
        } else if (message instanceof LpdMessage.Malformed malformed) {
            refuse(malformed.why());
        } else {
            refuse("unexpected " + message + " inside a receive-job");
        }
    }

    /** The client ended its side: once the work in hand is done, the receive-job is over. */
    void inputEnded() {
        inputEnded = true;
        if (!busy && !closed) {
            channel.close();
        }
    }

    /** The connection is gone: whatever was not acknowledged is thrown away. */
    void connectionLost() {
        if (closed) {
            return;
        }
        closed = true;
        if (ingest != null) {
            LOG.warn("lpd: {} went away while sending data file {}; it is not queued", peer, dataFile);
        }
        cleanUp();
        LOG.info("lpd: receive-job from {} ended; {} job(s) queued: {}", peer, queued.size(), queued);
    }

    private void controlFile(LpdMessage.ControlFile file) {
        control = LpdControlFile.parse(file.text());
        LOG.debug("lpd: control file {} from {}: user {}, host {}, class {}, {} data file(s)", file.name(), peer,
                control.user(), control.host(), control.jobClass(), control.entries().size());
        if (!held.holdsAnyOf(control)) {
            send(ACK);
            return;
        }
        pause();
        held.replay(control).whenCompleteAsync((jobs, error) -> {
            if (closed) {
                return;
            }
            if (error != null) {
                refuse("queuing the data files held for control file " + file.name() + " failed: " + error.getMessage());
                return;
            }
            jobs.forEach(this::queued);
            send(ACK);
            resume();
        }, channel.eventLoop());
    }

    private void dataFileStart(LpdMessage.DataFileStart start) {
        dataFile = start.name();
        long max = door.limits().maxDocumentBytes();
        if (start.size() > max) {
            refuse("data file " + dataFile + " of " + start.size() + " bytes is over the limit of " + max + " bytes");
            return;
        }
        if (!received.add(dataFile)) {
            LOG.debug("lpd: {} sent data file {} again; keeping the first copy", peer, dataFile);
            discard();
            return;
        }
        Optional<PrinterReason> refusal = door.printer().refusal();
        if (refusal.isPresent()) {
            refuse("the printer reports " + refusal.get().wire() + " and refuses jobs while faulted");
            return;
        }
        if (!spoolHasRoom(start.size())) {
            refuse("the spool is full; data file " + dataFile + " of " + start.size() + " bytes does not fit");
            return;
        }
        if (control == null) {
            HeldDocument hold = new HeldDocument(door.holdDir());
            String name = dataFile;
            stream(new DocumentIngest<>(channel, door.disk(), door.limits(), hold), hold::close,
                    path -> held.hold(name, path));
        } else {
            Optional<LpdControlFile.Entry> entry = control.entry(dataFile);
            if (entry.isEmpty()) {
                LOG.warn("lpd: {} sent data file {} that its control file does not print; ignoring it", peer, dataFile);
                discard();
                return;
            }
            SpoolSink sink = new SpoolSink(door.spool(), door.printer(), control.header(entry.get(), start.size()));
            stream(new DocumentIngest<>(channel, door.disk(), door.limits(), sink), sink::commit, this::queued);
        }
        send(ACK);
    }

    private <R> void stream(DocumentIngest<R> in, DocumentIngest.Commit<R> commit, Consumer<R> done) {
        ingest = in;
        finishIngest = () -> in.finish(commit);
        String name = dataFile;
        in.result().whenComplete((value, error) -> {
            if (ingest != in || closed) {
                return; // aborted by the client, or the connection is gone
            }
            ingest = null;
            if (error != null) {
                refuse("data file " + name + " not queued: " + error.getMessage());
                return;
            }
            done.accept(value);
            send(ACK);
            resume();
        });
    }

    private void dataFileEnd() {
        if (discarding) {
            discarding = false;
            send(ACK);
        } else if (ingest == null) {
            refuse("a data file ended that never began");
        } else {
            pause();
            finishIngest.run();
        }
    }

    private void discard() {
        discarding = true;
        ingest = null;
        send(ACK);
    }

    /** Subcommand 1: forget this connection's job, including the jobs it already queued. */
    private void abort() {
        LOG.info("lpd: {} aborted its job; removing what it sent", peer);
        DocumentIngest<?> streaming = ingest;
        ingest = null; // first, so that the aborted upload's failure is not taken for a refusal
        if (streaming != null) {
            streaming.abort("the client aborted the job");
        }
        discarding = false;
        List<Long> cancel = new ArrayList<>(queued);
        List<Path> files = held.takeAll();
        queued.clear();
        received.clear();
        control = null;
        door.onDisk(() -> {
            for (long id : cancel) {
                try {
                    door.printer().cancel(id);
                } catch (ProtocolException e) {
                    LOG.info("lpd: could not cancel job {} of the aborted receive-job: {}", id, e.getMessage());
                }
            }
            files.forEach(HeldDocument::delete);
        }, peer, null);
    }

    private void queued(JobInfo job) {
        queued.add(job.id());
        LOG.info("lpd: job {} queued from {}: '{}' by {}, {} bytes, {}, {} page(s), {} cop(ies)", job.id(), peer,
                job.name(), job.user(), job.size(), job.format(), job.pages(), job.copies());
    }

    private boolean spoolHasRoom(long size) {
        SpoolUsage usage = door.spool().usage();
        return usage.jobs() < usage.quotaJobs() && usage.bytes() + Math.max(0, size) <= usage.quotaBytes();
    }

    private void pause() {
        busy = true;
        channel.config().setAutoRead(false);
    }

    /** The work in hand is done: take what arrived meanwhile, in order. */
    private void resume() {
        busy = false;
        channel.config().setAutoRead(true);
        while (!busy && !closed && !waiting.isEmpty()) {
            handle(waiting.poll());
        }
        if (!busy && inputEnded && !closed) {
            channel.close();
        }
    }

    private void refuse(String why) {
        LOG.warn("lpd: refused {}: {}", peer, why);
        closed = true;
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {NACK})).addListener(ChannelFutureListener.CLOSE);
        cleanUp();
    }

    private void cleanUp() {
        if (ingest != null) {
            ingest.abort("the receive-job ended before the data file did");
            ingest = null;
        }
        waiting.forEach(LpdReceiveJob::release);
        waiting.clear();
        held.dropUnprinted();
    }

    private void send(byte code) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {code}));
    }

    private static void release(LpdMessage message) {
        if (message instanceof LpdMessage.DataChunk chunk) {
            ReferenceCountUtil.release(chunk.content());
        }
    }
}
