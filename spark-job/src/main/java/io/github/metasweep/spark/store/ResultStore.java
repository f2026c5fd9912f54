package io.github.metasweep.spark.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A sweep's output on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:}):
 * {@code runs/<id>.json} (one result per run), {@code failures/<id>.txt} (runs that failed every
 * attempt), {@code spec.yaml}, {@code tables/} and the Parquet files. Every file is written aside
 * under a unique hidden name and renamed into place; if the target exists already (a retried or
 * speculative task got there first), the copy is dropped, so a run is never stored twice.
 * On the local file system the files are written with java.nio (a hard link publishes a result
 * atomically and never replaces one), because Hadoop's local file system forks a {@code chmod}
 * process for every file it creates (about 5 ms, as much as a short run's Spark overhead).
 */
public final class ResultStore {
    public static final String RUNS = "runs";
    public static final String FAILURES = "failures";
    public static final String TABLES = "tables";
    public static final String SPEC = "spec.yaml";
    public static final String RUNS_PARQUET = "runs.parquet";
    public static final String CURVES_PARQUET = "curves.parquet";
    public static final String TRACES_PARQUET = "traces.parquet";
    public static final String REPORT = "REPORT.md";
    public static final String PLOTS = "plots";
    public static final String QUARANTINE = "quarantine";
    /** The selection phase of a tuned sweep: one output per tuned method below it. */
    public static final String TUNING = "tuning";
    /** Written by the sweep that creates an output: only such a folder is ever written to or cleaned by a sweep. */
    public static final String MARKER = ".metasweep-output";
    /** What {@code --fresh} deletes: only what a sweep writes, never anything else in the folder. */
    public static final List<String> ENTRIES = List.of(RUNS, FAILURES, TABLES, RUNS_PARQUET, CURVES_PARQUET,
            TRACES_PARQUET, REPORT, PLOTS, QUARANTINE, SPEC, TUNING);
    /** What aggregation derives from the stored runs: removed before it writes them anew, so none is ever stale. */
    public static final List<String> DERIVED = List.of(TABLES, RUNS_PARQUET, CURVES_PARQUET, TRACES_PARQUET, REPORT,
            PLOTS);
    private static final String JSON = ".json";

    private final FileSystem fs;
    private final Path root;
    private final boolean local;

    private ResultStore(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
        this.local = fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
    }

    /** The store at {@code out} (a path or URI; relative paths resolve against the file system's working folder). */
    public static ResultStore open(String out, Configuration conf) {
        try {
            Path p = new Path(out);
            FileSystem fs = p.getFileSystem(conf);
            fs.setWriteChecksum(false); // no .crc side files next to the results on the local file system
            return new ResultStore(fs, fs.makeQualified(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + out + ": " + e.getMessage(), e);
        }
    }

    /** The fully qualified location, e.g. {@code file:/home/me/results/smoke}: the same on every executor. */
    /** The store in a folder below this one, e.g. {@code tuning/maml}. */
    public ResultStore child(String relative) {
        return new ResultStore(fs, new Path(root, relative));
    }

    public String location() {
        return root.toString();
    }

    public String path(String relative) {
        return new Path(root, relative).toString();
    }

    /** Ids of the stored results (from the file names; hidden temporary files are not results). */
    public Set<String> resultIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (FileStatus s : list(RUNS)) {
            String n = s.getPath().getName();
            if (s.isFile() && n.endsWith(JSON) && !hidden(n)) {
                ids.add(n.substring(0, n.length() - JSON.length()));
            }
        }
        return ids;
    }

    public int resultCount() throws IOException {
        return resultIds().size();
    }

    /** Writes a run's result, sealed with its checksum, unless it is there already; true when this call stored it. */
    public boolean writeResult(String id, String json) throws IOException {
        return writeOnce(new Path(new Path(root, RUNS), id + JSON), SealedResult.seal(json) + "\n");
    }

    /** Files in runs/ that are neither results nor hidden temporaries (e.g. a user's notes.txt). */
    public List<String> otherRunFiles() throws IOException {
        List<String> others = new ArrayList<>();
        for (FileStatus s : list(RUNS)) {
            String n = s.getPath().getName();
            if (!hidden(n) && !(s.isFile() && n.endsWith(JSON))) {
                others.add(n);
            }
        }
        others.sort(null);
        return others;
    }

    /** Moves a damaged result to quarantine/ with a note of why; the run then counts as missing. */
    public void quarantine(String id, String reason) throws IOException {
        Path dir = new Path(root, QUARANTINE);
        fs.mkdirs(dir);
        Path target = new Path(dir, id + JSON);
        fs.delete(target, false);
        if (!fs.rename(new Path(new Path(root, RUNS), id + JSON), target)) {
            throw new IOException("cannot move runs/" + id + JSON + " to " + QUARANTINE + "/");
        }
        write(new Path(dir, id + ".reason.txt"), (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the folder is missing or holds nothing but a sweep's own hidden files (a lease or write probe of a
     * sweep that is creating it); a file in its place is left to the writability check.
     */
    public boolean emptyOrMissing() throws IOException {
        try {
            if (!fs.getFileStatus(root).isDirectory()) {
                return true;
            }
            for (FileStatus s : fs.listStatus(root)) {
                if (!s.getPath().getName().startsWith(".metasweep-")) {
                    return false;
                }
            }
            return true;
        } catch (FileNotFoundException e) {
            return true;
        }
    }

    /** Whether a sweep created this folder: its marker, or the spec.yaml of a sweep of an earlier version. */
    public boolean owned() throws IOException {
        return fs.exists(new Path(root, MARKER)) || fs.exists(new Path(root, SPEC));
    }

    public void writeMarker(String specName, String fingerprint) throws IOException {
        writeText(MARKER, "# This folder was created by a metasweep sweep, which may write and clean what it wrote here.\n"
                + "name: " + specName + "\nfingerprint: " + fingerprint + "\n");
    }

    /** Creates a file only if none is there (atomically, on every file system); false when one exists. */
    public boolean createExclusive(String relative, String text) throws IOException {
        Path p = new Path(root, relative);
        try {
            writeBytes(p, text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The text of a file under the output, or empty when it is not there. */
    public Optional<String> readText(String relative) throws IOException {
        try {
            return Optional.of(read(new Path(root, relative)));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    public void delete(String relative) throws IOException {
        fs.delete(new Path(root, relative), false);
    }

    /** Deletes the tables, Parquet files, report and plots (see {@link #DERIVED}). */
    public void deleteDerived() throws IOException {
        for (String e : DERIVED) {
            fs.delete(new Path(root, e), true);
        }
    }

    public String readResult(String id) throws IOException {
        return read(new Path(new Path(root, RUNS), id + JSON));
    }

    /** Records why a run failed on its last attempt (replaced by a later failure of the same run). */
    public void writeFailure(String id, String text) throws IOException {
        write(new Path(new Path(root, FAILURES), id + ".txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes failure records of earlier sessions: a new session retries those runs. */
    public void clearFailures() throws IOException {
        fs.delete(new Path(root, FAILURES), true);
    }

    /** Removes hidden temporary files left by tasks that were killed mid-write. */
    public int clearTemporaries() throws IOException {
        int n = 0;
        for (FileStatus s : list(RUNS)) {
            if (hidden(s.getPath().getName()) && fs.delete(s.getPath(), false)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Fails unless this output can be written: creates its folder when missing, then writes and deletes
     * a hidden empty probe file in it; nothing stored there is read or changed.
     */
    public void checkWritable() throws IOException {
        if (!fs.exists(root) && !fs.mkdirs(root)) {
            throw new IOException("cannot create the folder");
        }
        if (!fs.getFileStatus(root).isDirectory()) {
            throw new IOException("it is a file, not a folder");
        }
        Path probe = new Path(root, ".metasweep-write-check-" + UUID.randomUUID());
        writeBytes(probe, new byte[0]);
        fs.delete(probe, false);
    }

    /** Names of the folders right below this one that hold a sweep's spec.yaml (the parts of a suite), sorted. */
    public List<String> sweepsBelow() throws IOException {
        List<String> names = new ArrayList<>();
        FileStatus[] children;
        try {
            children = fs.listStatus(root);
        } catch (FileNotFoundException e) {
            return names;
        }
        for (FileStatus s : children) {
            if (s.isDirectory() && fs.exists(new Path(s.getPath(), SPEC))) {
                names.add(s.getPath().getName());
            }
        }
        names.sort(null);
        return names;
    }

    public Optional<String> readSpec() throws IOException {
        Path p = new Path(root, SPEC);
        return fs.exists(p) ? Optional.of(read(p)) : Optional.empty();
    }

    public void writeSpec(String yaml) throws IOException {
        writeText(SPEC, yaml);
    }

    /** Writes (or replaces) a file under the output, e.g. {@code tables/summary.csv}. */
    public void writeText(String relative, String text) throws IOException {
        write(new Path(root, relative), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes (or replaces) a binary file under the output, e.g. {@code plots/curves.png}. */
    public void writeBinary(String relative, byte[] data) throws IOException {
        write(new Path(root, relative), data);
    }

    public boolean exists(String relative) throws IOException {
        return fs.exists(new Path(root, relative));
    }

    /** The entries {@code --fresh} would delete that exist now, with the number of run results. */
    public List<String> sweepEntries() throws IOException {
        List<String> present = new ArrayList<>();
        for (String e : ENTRIES) {
            if (fs.exists(new Path(root, e))) {
                present.add(e);
            }
        }
        return present;
    }

    /** Deletes what a sweep wrote here (see {@link #ENTRIES}); other files in the folder stay. */
    public void deleteSweepEntries() throws IOException {
        for (String e : ENTRIES) {
            fs.delete(new Path(root, e), true);
        }
    }

    private FileStatus[] list(String dir) throws IOException {
        try {
            return fs.listStatus(new Path(root, dir));
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private Path temporary(Path target) {
        return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    }

    private java.nio.file.Path nio(Path p) {
        return java.nio.file.Path.of(p.toUri());
    }

    private void writeBytes(Path p, byte[] data) throws IOException {
        if (local) {
            java.nio.file.Files.createDirectories(nio(p).getParent());
            java.nio.file.Files.write(nio(p), data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return;
        }
        try (OutputStream out = fs.create(p, false)) {
            out.write(data);
        }
    }

    private boolean writeOnce(Path target, String text) throws IOException {
        if (fs.exists(target)) {
            return false;
        }
        Path tmp = temporary(target);
        writeBytes(tmp, text.getBytes(StandardCharsets.UTF_8));
        if (local) {
            try {
                java.nio.file.Files.createLink(nio(target), nio(tmp));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                java.nio.file.Files.deleteIfExists(nio(tmp));
            }
        }
        boolean renamed = !fs.exists(target) && fs.rename(tmp, target);
        if (!renamed) {
            fs.delete(tmp, false);
        }
        return renamed;
    }

    private void write(Path target, byte[] data) throws IOException {
        Path tmp = temporary(target);
        writeBytes(tmp, data);
        if (local) {
            java.nio.file.Files.move(nio(tmp), nio(target), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false);
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    private String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
