package org.nvlab.core.process;

/**
 * The dynamics went somewhere they cannot continue from (a NaN, an overflow, a rate that is not
 * finite). The message names the tick, the type or node, and what to check; the simulation stops at
 * the end of the tick that failed, and the project that defined it is untouched.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationException(String message) {
    super(message);
  }
}
