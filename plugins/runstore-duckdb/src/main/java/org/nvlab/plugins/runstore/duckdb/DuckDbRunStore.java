package org.nvlab.plugins.runstore.duckdb;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nvlab.core.record.ExportFormat;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunRecording;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;

/**
 * One open run store: a single DuckDB connection to {@code runs.duckdb}. Not for use by several
 * threads at once. DuckDB lets one process open a file read-write; within this process a second
 * store on the same file is refused as well, since the JDBC driver would otherwise share or refuse
 * the database depending on the access asked for.
 */
final class DuckDbRunStore implements RunStore {
  /** Stores open in this process, by absolute file path. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private static final String COLUMNS =
      "id, project, project_sha256, seed, ticks, threads, app_version, java_version, started_at,"
          + " finished_at, state_sha256, status";

  /** metrics.csv writes whole numbers without a fraction, and Java's names for the infinities. */
  private static final String CSV_VALUE =
      "CASE WHEN isinf(value) THEN CASE WHEN value > 0 THEN 'Infinity' ELSE '-Infinity' END"
          + " WHEN value = trunc(value) AND abs(value) < 1e9"
          + " THEN CAST(CAST(value AS BIGINT) AS VARCHAR) ELSE CAST(value AS VARCHAR) END";

  private final Path file;
  private final Connection connection;
  private final boolean readOnly;
  private DuckDbRecording recording;
  private boolean closed;

  private DuckDbRunStore(Path file, Connection connection, boolean readOnly) {
    this.file = file;
    this.connection = connection;
    this.readOnly = readOnly;
  }

  /** Opens (read-write: creates when missing) the store in {@code file}. */
  static DuckDbRunStore open(Path file, boolean readOnly) throws RunStoreException {
    Path key = file.toAbsolutePath().normalize();
    if (!OPEN.add(key)) {
      throw Failures.alreadyOpen(file);
    }
    Connection c = null;
    try {
      java.util.Properties p = new java.util.Properties();
      if (readOnly) {
        p.setProperty(org.duckdb.DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
      }
      // The driver directly, not DriverManager: a plugin loaded by its own class loader is
      // invisible to DriverManager.
      c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + key, p);
      Schema.prepare(c, file, readOnly);
      return new DuckDbRunStore(file, c, readOnly);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      OPEN.remove(key);
      throw Failures.of(e, file, "opening it");
    } catch (RunStoreException e) {
      closeQuietly(c);
      OPEN.remove(key);
      throw e;
    } catch (LinkageError e) {
      // The driver's native library did not load: a platform the jar has no build for.
      OPEN.remove(key);
      throw new RunStoreException(
          Reason.IO,
          "DuckDB's native library could not be loaded on this platform ("
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + "): "
              + e,
          e);
    }
  }

  @Override
  public Path location() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  @Override
  public RunRecording begin(RunMetadata run) throws RunStoreException {
    checkOpen();
    if (readOnly) {
      throw new RunStoreException(
          Reason.IO, "the run store " + file + " was opened read-only; it records no runs");
    }
    if (recording != null && !recording.isClosed()) {
      throw new RunStoreException(
          Reason.IO,
          "run "
              + recording.id()
              + " is still being recorded in "
              + file
              + "; finish or close it first");
    }
    long id;
    try (PreparedStatement s =
        connection.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM runs")) {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        id = r.getLong(1);
      }
    } catch (SQLException e) {
      throw Failures.of(e, file, "starting a run");
    }
    RunMetadata stored = run.withId(id);
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, stored.project());
      s.setString(3, stored.projectSha256());
      s.setLong(4, stored.seed());
      s.setInt(5, stored.ticks());
      s.setInt(6, stored.threads());
      s.setString(7, stored.appVersion());
      s.setString(8, stored.javaVersion());
      s.setObject(9, utc(stored.startedAt()));
      s.setObject(10, utc(stored.finishedAt()));
      s.setString(11, stored.stateSha256());
      s.setString(12, stored.status().label());
      s.executeUpdate();
    } catch (SQLException e) {
      throw Failures.of(e, file, "starting a run");
    }
    recording = new DuckDbRecording(this, id);
    return recording;
  }

  /** Seals a run's end: called by its recording. */
  void finish(long id, Instant finishedAt, String stateSha256, RunStatus status)
      throws RunStoreException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE runs SET finished_at = ?, state_sha256 = ?, status = ? WHERE id = ?")) {
      s.setObject(1, utc(finishedAt));
      s.setString(2, stateSha256);
      s.setString(3, status.label());
      s.setLong(4, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw Failures.of(e, file, "finishing run " + id);
    }
  }

  @Override
  public List<RunMetadata> runs() throws RunStoreException {
    return query(
        "SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id DESC", -1, "listing runs");
  }

  @Override
  public Optional<RunMetadata> run(long id) throws RunStoreException {
    List<RunMetadata> one =
        query("SELECT " + COLUMNS + " FROM runs WHERE id = ?", id, "reading run " + id);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  @Override
  public long metricRows(long id) throws RunStoreException {
    checkOpen();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT count(*) FROM metrics WHERE run_id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw Failures.of(e, file, "counting the rows of run " + id);
    }
  }

  @Override
  public void export(long id, ExportFormat format, Path out) throws RunStoreException {
    checkOpen();
    if (run(id).isEmpty()) {
      throw new RunStoreException(Reason.UNKNOWN_RUN, "no run " + id + " in " + file);
    }
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (Files.isDirectory(target)) {
      throw exportFailure(out, "it is a folder");
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw exportFailure(out, "the folder " + parent + " does not exist");
    }
    Path store = file.toAbsolutePath().normalize();
    if (sameFile(target, store)
        || target.equals(store)
        || target.equals(store.resolveSibling(store.getFileName() + ".wal"))) {
      throw exportFailure(out, "that is the run store's own file");
    }
    // Written beside the target and moved over it at the end, so that a failed export leaves no
    // half-written file and an earlier file of that name stays as it was.
    Path part =
        parent.resolve("." + target.getFileName() + ".part-" + ProcessHandle.current().pid());
    String select =
        format == ExportFormat.CSV
            ? "SELECT tick, series, " + CSV_VALUE + " AS value FROM metrics WHERE run_id = ?"
            : "SELECT tick, series, value FROM metrics WHERE run_id = ?";
    String options =
        format == ExportFormat.CSV ? "(FORMAT csv, HEADER)" : "(FORMAT parquet, COMPRESSION zstd)";
    String sql = "COPY (" + select + ") TO '" + part.toString().replace("'", "''") + "' " + options;
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, id);
      s.execute();
      move(part, target);
    } catch (SQLException e) {
      deleteQuietly(part);
      RunStoreException f = Failures.of(e, file, "exporting run " + id);
      if (f.reason() == Reason.DISK_FULL) {
        throw new RunStoreException(Reason.EXPORT, "cannot write " + out + ": the disk is full", e);
      }
      // DuckDB names the partial file; the person asked for the target.
      throw exportFailure(out, Failures.detail(e).replace(part.toString(), target.toString()));
    } catch (IOException e) {
      deleteQuietly(part);
      throw exportFailure(out, e.toString());
    }
  }

  private static void move(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static RunStoreException exportFailure(Path out, String why) {
    return new RunStoreException(Reason.EXPORT, "cannot write " + out + ": " + why);
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws RunStoreException {
    if (closed) {
      return;
    }
    closed = true;
    RunStoreException first = null;
    if (recording != null && !recording.isClosed()) {
      try {
        recording.close();
      } catch (RunStoreException e) {
        first = e;
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      if (first == null) {
        first = Failures.of(e, file, "closing it");
      }
    } finally {
      OPEN.remove(file.toAbsolutePath().normalize());
    }
    if (first != null) {
      throw first;
    }
  }

  void checkOpen() throws RunStoreException {
    if (closed) {
      throw new RunStoreException(Reason.IO, "the run store " + file + " is closed");
    }
  }

  private List<RunMetadata> query(String sql, long id, String doing) throws RunStoreException {
    checkOpen();
    List<RunMetadata> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      if (id >= 0) {
        s.setLong(1, id);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new RunMetadata(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getLong(4),
                  r.getInt(5),
                  r.getInt(6),
                  r.getString(7),
                  r.getString(8),
                  instant(r.getObject(9, LocalDateTime.class)),
                  instant(r.getObject(10, LocalDateTime.class)),
                  r.getString(11),
                  RunStatus.ofLabel(r.getString(12))));
        }
      }
    } catch (SQLException e) {
      throw Failures.of(e, file, doing);
    }
    return out;
  }

  /** Timestamps are stored as UTC wall time; the JVM's time zone must not enter. */
  private static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // The open already failed; its error is the one to report.
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover partial file is harmless; the export's own error is the one to report.
    }
  }
}
