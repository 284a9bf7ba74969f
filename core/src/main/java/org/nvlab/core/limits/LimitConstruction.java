package org.nvlab.core.limits;

import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectWriter;

/**
 * One of the paper's limits (SPEC section 10) as a construction the engine runs: a project in which
 * N vesicles per tick (in expectation) carry a payload to the nodes where they release, normalised
 * so that the expected modulation equals an exact tensor mechanism (FiLM, attention, a
 * hypernetwork). Each tick's modulation is then one sample whose error against the exact value
 * falls as N^(-1/2).
 *
 * <p>Every construction has a fixed path: a vesicle born at tick t releases at tick t + {@link
 * #pathTicks()}, and nothing else releases then, so the modulation read after tick T belongs to the
 * vesicles born at T - pathTicks exactly.
 */
public interface LimitConstruction {

  /** The limit's name on the command line: film, attention or hypernetwork. */
  String name();

  /** The exact mechanism the modulation converges to, as a formula. */
  String mechanism();

  /** Ticks from a vesicle's birth to the tick whose modulation it makes. */
  int pathTicks();

  /** Number of compared values per tick. */
  int components();

  /** A short label of compared value k (for messages), e.g. "gamma[2]". */
  String component(int k);

  /** The project for N expected births per tick, built in code. */
  ProjectSpec projectSpec(int vesicles);

  /**
   * {@link #projectSpec} as folder-ready project.json text that {@code nvlab validate} and {@code
   * nvlab run} accept.
   */
  default String projectJson(int vesicles) {
    return ProjectWriter.text(projectSpec(vesicles));
  }

  /** The compiled project for N expected births per tick: the model every seed runs. */
  default Model model(int vesicles) {
    return LimitProjects.compile(projectSpec(vesicles), name());
  }

  /** A fresh simulation of {@link #model} with run seed {@code seed}. */
  default Simulation simulation(int vesicles, long seed, int threads) {
    return model(vesicles).instantiate(seed, threads);
  }

  /** A reading of {@code sim}'s modulation, created before its first tick. */
  Reading reading(Simulation sim);

  /** Compares one tick's modulation with the exact mechanism. */
  interface Reading {
    /**
     * Called after every tick of the simulation, in order; fills {@code measured} with the tick's
     * modulation and {@code exact} with the mechanism's value for the conditioning of the vesicles
     * born at {@code tick - pathTicks()} (meaningless before that tick exists).
     */
    void read(int tick, double[] measured, double[] exact);
  }
}
