package org.nvlab.core;

import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;

/** Builds simulations from project JSON written in the tests. */
public final class TestProjects {
  private TestProjects() {}

  public static Model compile(String json) {
    try {
      return Model.compile(ProjectReader.parse(json, "test.json"), "test.json");
    } catch (ProjectException e) {
      throw new AssertionError("test project is invalid:\n" + e.getMessage(), e);
    }
  }

  /** A fresh run that records its metrics ({@link EngineAccess#metrics}). */
  public static Simulation simulation(String json, long seed, int threads) {
    return recorded(compile(json), seed, threads);
  }

  /** A project folder's run with the project's own seed, recording its metrics. */
  public static Simulation load(java.nio.file.Path folder, int threads) throws ProjectException {
    Model m = Model.load(folder);
    return recorded(m, m.spec().seed(), threads);
  }

  /** A fresh run of a model that records its metrics ({@link EngineAccess#metrics}). */
  public static Simulation recorded(Model model, long seed, int threads) {
    Simulation sim = model.instantiate(seed, threads);
    sim.observe(new MetricsObserver());
    return sim;
  }

  /**
   * A project with one host and the given vesicle types (a JSON list body), so tests state only
   * what they are about.
   */
  public static String project(String host, String types) {
    return """
        {"formatVersion": 1, "name": "test", "seed": 3,
         "host": %s,
         "vesicleTypes": [%s]}
        """
        .formatted(host, types);
  }

  /** A graph with no edges between n isolated nodes (vesicles stay put). */
  public static String isolatedHost(int n) {
    return """
        {"kind": "rate", "graph": {"builder": "edge-list", "nodes": %d, "edges": []},
         "rate": {"mode": "recurrent"}}
        """
        .formatted(n);
  }

  public static String randomHost(int n, int degree) {
    return """
        {"kind": "rate", "graph": {"builder": "fixed-out-degree", "nodes": %d, "degree": %d},
         "weights": {"law": "normal-fan-in", "std": 0.5},
         "rate": {"mode": "recurrent"}}
        """
        .formatted(n, degree);
  }
}
