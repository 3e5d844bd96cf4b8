package io.paperjam.spool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only {@code history.jsonl}: once {@link #append} returns, the pruned jobs' records are durable
 * and {@link #find} returns them (documentPresent=false).
 *
 * <p>Memory stays small: only id, offset and length of each line are kept (16 bytes a job), sorted by id;
 * the record itself is read from the file on lookup. A torn last line (crash during an append) is cut off at
 * open; the jobs it described are still in {@code done/}, because files are deleted only after the append.
 */
final class History implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(History.class);

    private final Path file;
    private final SpoolDisk disk;
    private FileChannel channel;
    private long[] ids = new long[64];
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int size;
    private long end;

    private History(Path file, SpoolDisk disk) {
        this.file = file;
        this.disk = disk;
    }

    /** Loads the index; cuts off a torn last line. Used by the owner at open. */
    static History open(Path file, SpoolDisk disk) throws IOException {
        History history = new History(file, disk);
        history.load();
        return history;
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long offset = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            long lineNo = 0;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNo++;
                byte[] bytes = line.toByteArray();
                line.reset();
                try {
                    JobRecord job = ControlCodec.decode(bytes, JobState.DONE, false);
                    add(job.id(), offset, bytes.length);
                } catch (ControlCodec.CorruptControlException e) {
                    LOG.warn("{} line {} is unreadable and skipped: {}", file, lineNo, e.getMessage());
                }
                offset += bytes.length + 1;
            }
            if (line.size() > 0) {
                LOG.warn("{} ends in a torn line of {} bytes (crash during an append); cutting it off", file, line.size());
            }
        }
        end = offset;
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (channel.size() > end) {
            channel.truncate(end);
            channel.force(true);
        }
    }

    /** Appends one line per job and forces the file before returning. */
    synchronized void append(List<JobRecord> jobs, Instant pruned) throws IOException {
        boolean created = false;
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            created = true;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] lineOffsets = new long[jobs.size()];
        int[] lineLengths = new int[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            byte[] line = ControlCodec.encodeHistoryLine(jobs.get(i), pruned);
            lineOffsets[i] = end + out.size();
            lineLengths[i] = line.length - 1;
            out.writeBytes(line);
        }
        ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
        long position = end;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            disk.files.force(channel);
        } catch (IOException e) {
            channel.truncate(end); // best effort: do not leave a half line that a later append would glue onto
            throw e;
        }
        if (created) {
            disk.syncDir(file.getParent());
        }
        end = position;
        for (int i = 0; i < jobs.size(); i++) {
            add(jobs.get(i).id(), lineOffsets[i], lineLengths[i]);
        }
    }

    synchronized Optional<JobRecord> find(long id) {
        int index = Arrays.binarySearch(ids, 0, size, id);
        if (index < 0 || channel == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(lengths[index]);
        try {
            long position = offsets[index];
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(ControlCodec.decode(buffer.array(), JobState.DONE, false));
        } catch (IOException | ControlCodec.CorruptControlException e) {
            LOG.warn("cannot read job {} from {}: {}", id, file, e.toString());
            return Optional.empty();
        }
    }

    synchronized boolean contains(long id) {
        return Arrays.binarySearch(ids, 0, size, id) >= 0;
    }

    synchronized long maxId() {
        return size == 0 ? 0 : ids[size - 1];
    }

    synchronized int size() {
        return size;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    private void add(long id, long offset, int length) {
        int index = Arrays.binarySearch(ids, 0, size, id);
        if (index >= 0) { // the same job twice (a prune interrupted before its deletes): the later line wins
            offsets[index] = offset;
            lengths[index] = length;
            return;
        }
        int at = -index - 1;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(offsets, at, offsets, at + 1, size - at);
        System.arraycopy(lengths, at, lengths, at + 1, size - at);
        ids[at] = id;
        offsets[at] = offset;
        lengths[at] = length;
        size++;
    }
}
