package org.nvlab.core.observe;

/**
 * Watches a simulation without changing it (the model never knows it is watched): called on the
 * thread that steps the run, after each tick, with a read-only view. Metrics, snapshots, the
 * inspected vesicle's path, the density companion and spike rasters are observers; the command line
 * and the window attach the same ones. A run with no observers does no work for them.
 *
 * <p>An observer may be moved from one run to another (a reset, a rewind to a checkpoint, a
 * branch): {@link #attached} tells it that the view it will see from now on is that run at its
 * current tick, which need not follow the last tick it saw.
 */
public interface Observer {
  /** The observer now watches this run, from its current tick on. */
  default void attached(SimulationView sim) {}

  /** A tick ended; {@code sim.tick()} ticks have run. */
  void ticked(SimulationView sim);

  /** The run took new rules (an edit applied live); the next tick runs under them. */
  default void rulesChanged(SimulationView sim) {}

  /** The observer no longer watches that run. */
  default void detached(SimulationView sim) {}
}
