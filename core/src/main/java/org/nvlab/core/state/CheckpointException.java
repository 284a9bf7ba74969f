package org.nvlab.core.state;

/**
 * A checkpoint that cannot be written or read back: a damaged or cut-short file, one from another
 * project or another version, a disk that refused it. The message names the file and what is wrong
 * in words a user can act on.
 */
public final class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
