package io.paperjam.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A read-only listing of a spool folder, sorted into control files, data files, tmp leftovers, quarantined
 * and unexpected files; it never opens a file for writing, so recovery and inspection can share it.
 */
final class FolderScan {

    /** A job file found in a state folder. */
    record Entry(JobState state, long id, Path path) {
    }

    /**
     * Control files by id (more than one entry only if a folder was edited by hand), in no particular order:
     * a restart with 100,000 jobs spent a sixth of its Java time keeping these two maps sorted.
     */
    final Map<Long, List<Entry>> controls = new HashMap<>();
    /** Data files by id, in no particular order. */
    final Map<Long, List<Entry>> data = new HashMap<>();
    /** Every entry of tmp/. */
    final List<Path> tmp = new ArrayList<>();
    /** Upload data files in tmp/ by id. */
    final Map<Long, Path> tmpData = new HashMap<>();
    /** Upload control files in tmp/ by id (a commit that had not reached its commit point). */
    final Map<Long, Path> tmpControls = new HashMap<>();
    /** Every entry of corrupt/. */
    final List<Path> corrupt = new ArrayList<>();
    /** Files in state folders whose names are not {@code <id>.json} or {@code <id>.data}. */
    final List<Path> unexpected = new ArrayList<>();
    /** The largest id named by any file in any folder, including tmp/ and corrupt/. */
    long maxId;

    static FolderScan of(SpoolLayout layout) throws IOException {
        FolderScan scan = new FolderScan();
        for (JobState state : JobState.values()) {
            // unsorted: the maps below order by id, and sorting 200,000 paths took a tenth of a big restart
            for (Path file : listUnsorted(layout.folder(state))) {
                String name = file.getFileName().toString();
                OptionalLong control = SpoolLayout.idOf(name, SpoolLayout.CONTROL_SUFFIX);
                OptionalLong data = SpoolLayout.idOf(name, SpoolLayout.DATA_SUFFIX);
                if (control.isPresent()) {
                    scan.controls.computeIfAbsent(control.getAsLong(), k -> new ArrayList<>())
                            .add(new Entry(state, control.getAsLong(), file));
                    scan.seen(control.getAsLong());
                } else if (data.isPresent()) {
                    scan.data.computeIfAbsent(data.getAsLong(), k -> new ArrayList<>())
                            .add(new Entry(state, data.getAsLong(), file));
                    scan.seen(data.getAsLong());
                } else {
                    scan.unexpected.add(file);
                }
            }
        }
        for (Path file : list(layout.tmp())) {
            scan.tmp.add(file);
            String name = file.getFileName().toString();
            SpoolLayout.idOf(name, SpoolLayout.DATA_SUFFIX).ifPresent(id -> scan.tmpData.put(id, file));
            SpoolLayout.idOf(name, SpoolLayout.CONTROL_SUFFIX).ifPresent(id -> scan.tmpControls.put(id, file));
            SpoolLayout.leadingId(name).ifPresent(scan::seen);
        }
        for (Path file : list(layout.corrupt())) {
            scan.corrupt.add(file);
            SpoolLayout.leadingId(file.getFileName().toString()).ifPresent(scan::seen);
        }
        return scan;
    }

    /** The data file of a job in the given state, if there is one. */
    Path dataIn(long id, JobState state) {
        for (Entry entry : data.getOrDefault(id, List.of())) {
            if (entry.state() == state) {
                return entry.path();
            }
        }
        return null;
    }

    private void seen(long id) {
        maxId = Math.max(maxId, id);
    }

    /** The folder's entries sorted by name; empty if the folder does not exist. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> entries = listUnsorted(dir);
        entries.sort(null);
        return entries;
    }

    /** The folder's entries in the file system's order; empty if the folder does not exist. */
    static List<Path> listUnsorted(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException e) {
            return entries;
        }
        return entries;
    }
}
