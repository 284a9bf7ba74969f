package org.nvlab.core;

import org.nvlab.core.host.Host;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.observe.Observer;
import org.nvlab.core.process.Engine;
import org.nvlab.core.record.MetricsRecorder;

/**
 * The engine's own tests look inside a run (its engine, host arrays and pools) to check the
 * arithmetic; nothing outside the engine can, since {@link Simulation} hands these out only inside
 * its package. Test code only.
 */
public final class EngineAccess {
  private EngineAccess() {}

  public static Engine engine(Simulation sim) {
    return sim.engine();
  }

  public static Host host(Simulation sim) {
    return sim.host();
  }

  /** The metrics of a run made by {@link TestProjects#simulation} (it records from tick 0). */
  public static MetricsRecorder metrics(Simulation sim) {
    for (Observer o : sim.observers()) {
      if (o instanceof MetricsObserver m) {
        return m.recorder();
      }
    }
    throw new IllegalStateException(
        "this run records no metrics: attach a MetricsObserver before its first tick");
  }
}
