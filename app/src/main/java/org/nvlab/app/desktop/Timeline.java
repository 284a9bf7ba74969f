package org.nvlab.app.desktop;

import java.util.List;

/**
 * What the timeline under the graph shows, as the engine thread last published it: how far back the
 * active run can be looked at, its tick, the tick shown (earlier while previewing), the states kept
 * for rewinding and their memory, and the runs (the original and its branches).
 *
 * @param earliest the first tick that can be shown
 * @param live the active run's tick
 * @param shown the tick on the graph (less than {@code live} while previewing)
 * @param previewing whether an earlier tick is shown
 * @param states rewind states kept for the active run
 * @param bytes the memory they take
 * @param interval ticks between two of them
 * @param active the id of the active run
 * @param runs every run, oldest first
 */
public record Timeline(
    int earliest,
    int live,
    int shown,
    boolean previewing,
    int states,
    long bytes,
    int interval,
    long active,
    List<RunInfo> runs) {

  /** No run. */
  public static final Timeline NONE = new Timeline(0, 0, 0, false, 0, 0, 0, -1, List.of());

  public Timeline {
    runs = List.copyOf(runs);
  }

  /** One run: its id, the run it branched from (-1: none), its name and tick. */
  public record RunInfo(long id, long parent, String label, int tick) {}

  /** "Rewind: 12 states, 3.4 MB" for the status bar. */
  public String memoryText() {
    return String.format(
        java.util.Locale.ROOT, "rewind: %d states, %.1f MB", states, bytes / 1048576.0);
  }
}
