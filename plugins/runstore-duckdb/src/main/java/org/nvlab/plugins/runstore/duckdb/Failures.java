package org.nvlab.plugins.runstore.duckdb;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;

/**
 * DuckDB's errors as one-line messages that name the store and say what to do. DuckDB reports
 * through exception text only (an SQLException's state is not set for these), so the text is what
 * is matched.
 */
final class Failures {
  private Failures() {}

  private static final Pattern PID = Pattern.compile("held in (.+?) \\(PID (\\d+)\\)");

  /**
   * The failure {@code e} of {@code doing} (e.g. "opening", "recording run 3") on {@code store}.
   */
  static RunStoreException of(Exception e, Path store, String doing) {
    String detail = detail(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
      Matcher m = PID.matcher(detail);
      String who = m.find() ? " (PID " + m.group(2) + ", " + m.group(1) + ")" : "";
      return new RunStoreException(
          Reason.LOCKED,
          "the run store "
              + store
              + " is in use by another process"
              + who
              + ": one process at a time may open it; close that nvlab or duckdb session and try"
              + " again",
          e);
    }
    if (lower.contains("different configuration than existing connections")) {
      return alreadyOpen(store);
    }
    if (lower.contains("no space left")
        || lower.contains("disk full")
        || lower.contains("disk quota")
        || lower.contains("not enough space")) {
      return new RunStoreException(
          Reason.DISK_FULL,
          "the disk holding "
              + store
              + " is full ("
              + doing
              + " failed); free some space and try again: what the store held before is kept",
          e);
    }
    if (lower.contains("not a valid duckdb database file")
        || lower.contains("corrupt")
        || lower.contains("checksum")
        || lower.contains("could not read enough bytes")
        || lower.contains("serialization error")
        || lower.contains("internal error")
        || lower.contains("version number")
        || lower.contains("storage version")) {
      return new RunStoreException(
          Reason.CORRUPT,
          "the run store "
              + store
              + " cannot be read ("
              + detail
              + "); it was left untouched: move it aside (e.g. to runs.duckdb.broken) and the next"
              + " recorded run starts a new store",
          e);
    }
    if (lower.contains("permission denied") || lower.contains("read-only file system")) {
      return new RunStoreException(
          Reason.IO, "cannot write the run store " + store + " (" + detail + ")", e);
    }
    return new RunStoreException(
        Reason.IO, "the run store " + store + " failed while " + doing + ": " + detail, e);
  }

  static RunStoreException alreadyOpen(Path store) {
    return new RunStoreException(
        Reason.LOCKED,
        "the run store "
            + store
            + " is already open in this process; close it before opening it"
            + " again");
  }

  /** The exception's text on one line, without DuckDB's error-class prefix and doc links. */
  static String detail(Exception e) {
    String m;
    if (e instanceof AccessDeniedException) {
      m = "permission denied: " + e.getMessage();
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      m = f.getReason() + ": " + f.getFile();
    } else if (e.getMessage() == null) {
      m = e.getClass().getSimpleName();
    } else {
      m = e.getMessage();
    }
    m = m.replaceAll("\\s+", " ").trim();
    m = m.replaceFirst("^(IO|Invalid Input|Catalog|Binder|Parser|Connection) Error: ", "");
    m = m.replaceAll(" ?See also https?://\\S+", "");
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }
}
