package org.nvlab.core.record;

import java.util.Locale;

/** Where a recorded run stands; stored by its lower-case {@link #label()}. */
public enum RunStatus {
  /** Recording has begun and not finished: an ongoing run, or one whose process died. */
  RUNNING,
  /** The run completed its ticks and its final state hash is recorded. */
  FINISHED,
  /** The simulation stopped with an error; the metrics up to that tick are kept. */
  FAILED,
  /** The recording was closed before the run finished (stopped by the user, or an error). */
  INTERRUPTED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with this label; unknown labels (a newer store) read as {@link #RUNNING}. */
  public static RunStatus ofLabel(String label) {
    for (RunStatus s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return RUNNING;
  }
}
