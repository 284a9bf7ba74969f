package org.nvlab.core.record;

/**
 * A run store could not do what was asked. The message is one line for the person at the keyboard:
 * which file, what happened, what to do; the {@link Reason} lets a caller choose an exit code or
 * treat a missing store as an empty one.
 */
public final class RunStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely. */
  public enum Reason {
    /** No run store implementation is on the class path. */
    NO_IMPLEMENTATION,
    /** Opened read-only, but the project has no store yet. */
    NOT_FOUND,
    /** Another process (or another store object in this one) holds the store open. */
    LOCKED,
    /** The disk (or quota) is full. */
    DISK_FULL,
    /** The file is not a readable store: damaged, truncated, not a database, or too new. */
    CORRUPT,
    /** No run with that id in this store. */
    UNKNOWN_RUN,
    /** An export could not write its file. */
    EXPORT,
    /** Any other input/output or database failure. */
    IO
  }

  private final Reason reason;

  public RunStoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RunStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
