package org.nvlab.core.preview;

import java.util.Arrays;
import org.nvlab.core.Model;
import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Host;
import org.nvlab.core.process.Globals;
import org.nvlab.core.process.Migration;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.VesicleType;

/**
 * A vesicle type's migration kernel seen as a Markov chain over the host's nodes: K(i, j), the
 * probability that one hop takes a vesicle at node i to node j (staying included), computed exactly
 * as the engine computes it ({@link Migration#logits} then {@link Migration#probabilities}), and
 * the chain's stationary distribution.
 *
 * <p>A kernel that reads node state (activations, errors, gates, weights, memory) is evaluated on
 * the host's state at tick 0 of the project, with the activations the caller passes (the window
 * passes its latest snapshot's), errors and gates 0, and the globals (t, reward, z) 0. A kernel
 * whose moves depend on the vesicle (a content term, or a score expression over the payload c or
 * state s) has no node-level matrix: {@link #nodeLevel()} is false and {@link #note()} says so.
 *
 * <p><b>Stationary distribution.</b> Power iteration on the lazy chain (I + K) / 2, which has the
 * same stationary distributions as K but is aperiodic, so the iteration converges even on chains
 * that alternate (a walk that goes back and forth between two layers). It starts from the uniform
 * distribution over the nodes and stops when an iteration moves less than 1e-12 of probability (L1)
 * or after a work budget of about 2 x 10^8 move updates ({@link #converged()} tells which). When
 * the chain has several closed classes (a feed-forward graph whose vesicles end up in the output
 * layer, say) the result is where a vesicle started at a uniformly random node ends up in the long
 * run, never dying; births, lifetimes, docking and absorbing nodes are not part of it (the density
 * view shows those).
 */
public final class KernelPreview {
  /** An iteration moving less probability than this (L1) ends the power iteration. */
  public static final double TOLERANCE = 1e-12;

  private static final long WORK_BUDGET = 200_000_000L;

  private final int nodes;
  private final int hops;
  private final Neighbourhood nb;
  private final boolean greedy;
  private final float[] logits;
  private final String note;
  private double[] stationary;
  private int iterations;
  private boolean converged;

  private KernelPreview(
      int nodes, int hops, Neighbourhood nb, boolean greedy, float[] logits, String note) {
    this.nodes = nodes;
    this.hops = hops;
    this.nb = nb;
    this.greedy = greedy;
    this.logits = logits;
    this.note = note;
  }

  /**
   * The preview of type {@code type}'s kernel in a project. Compiles the project (its own copy).
   *
   * @param activation node activations to evaluate the kernel at (e.g. a snapshot's), or null for
   *     the project's initial state; ignored when its length is not the node count
   */
  public static KernelPreview of(ProjectSpec spec, int type, float[] activation)
      throws ProjectException {
    return of(Model.compile(spec), type, activation);
  }

  /** The preview from a compiled model (on a host of its own built from the model's blueprint). */
  public static KernelPreview of(Model project, int type, float[] activation) {
    VesicleType vt = project.type(type);
    Host host = project.host().build();
    int n = host.nodeCount();
    if (activation != null && activation.length == n) {
      System.arraycopy(activation, 0, host.activation(), 0, n);
    }
    KernelRule k = vt.kernel();
    Neighbourhood nb =
        Neighbourhood.of(
            host.graph(),
            k.neighbourhood() != KernelRule.Neighbourhood.IN,
            k.neighbourhood() != KernelRule.Neighbourhood.OUT);
    boolean greedy = Migration.isGreedy(k);
    if (k.contentScale() != 0) {
      return new KernelPreview(
          n,
          k.hops(),
          nb,
          greedy,
          null,
          "depends on the vesicle's payload (the content term c . k_j): each vesicle has its own"
              + " kernel, so there is no single matrix to show");
    }
    if (k.perVesicleScore()) {
      return new KernelPreview(
          n,
          k.hops(),
          nb,
          greedy,
          null,
          "depends on the vesicle's payload or state (the score reads c or s): each vesicle has"
              + " its own kernel, so there is no single matrix to show");
    }
    float[] logits = new float[nb.entryCount()];
    Globals globals = new Globals(project.z().size());
    globals.set(0, project.task());
    double[] values = k.score() == null ? null : new double[k.score().size()];
    String failure = Migration.logits(k, nb, host, logits, 0, n, values, 0, globals);
    if (failure != null) {
      return new KernelPreview(n, k.hops(), nb, greedy, null, failure);
    }
    return new KernelPreview(n, k.hops(), nb, greedy, logits, null);
  }

  /** True when the kernel is one matrix over the nodes (not per vesicle). */
  public boolean nodeLevel() {
    return logits != null;
  }

  /** Why there is no node-level matrix, or null. */
  public String note() {
    return note;
  }

  public int nodeCount() {
    return nodes;
  }

  /** Hops per tick: a tick moves a vesicle by K applied this many times. */
  public int hops() {
    return hops;
  }

  /** Where one hop from node i can go, staying first, in the engine's move order. */
  public int[] destinations(int i) {
    return Arrays.copyOfRange(nb.destination(), nb.start()[i], nb.start()[i + 1]);
  }

  /**
   * The probability of each move of {@link #destinations(int)}; null without a node-level matrix.
   */
  public double[] probabilities(int i) {
    if (logits == null) {
      return null;
    }
    double[] p = new double[nb.start()[i + 1] - nb.start()[i]];
    Migration.probabilities(nb, logits, greedy, i, p);
    return p;
  }

  /**
   * Row i of K as one value per node (0 for nodes one hop cannot reach), for drawing on the graph;
   * null without a node-level matrix. Moves that reach the same node add up.
   */
  public double[] transitionsFrom(int i) {
    double[] p = probabilities(i);
    if (p == null) {
      return null;
    }
    double[] out = new double[nodes];
    int[] dst = nb.destination();
    int s = nb.start()[i];
    for (int k = 0; k < p.length; k++) {
      out[dst[s + k]] += p[k];
    }
    return out;
  }

  /**
   * The stationary distribution, one value per node summing to 1 (see the class comment); null
   * without a node-level matrix. Computed on the first call.
   */
  public double[] stationary() {
    if (logits == null) {
      return null;
    }
    if (stationary == null) {
      iterate();
    }
    return stationary.clone();
  }

  /** Power iterations the stationary distribution took. */
  public int iterations() {
    stationary();
    return iterations;
  }

  /** Whether the power iteration met its tolerance within its budget. */
  public boolean converged() {
    stationary();
    return converged;
  }

  private void iterate() {
    int n = nodes;
    int entries = nb.entryCount();
    int[] start = nb.start();
    int[] dst = nb.destination();
    // The matrix once, in move order, so each iteration is one pass of multiply-adds.
    double[] k = new double[entries];
    int maxRow = nb.maxSize();
    double[] row = new double[Math.max(1, maxRow)];
    for (int i = 0; i < n; i++) {
      Migration.probabilities(nb, logits, greedy, i, row);
      System.arraycopy(row, 0, k, start[i], start[i + 1] - start[i]);
    }
    double[] pi = new double[n];
    double[] next = new double[n];
    Arrays.fill(pi, 1.0 / n);
    long budget = Math.max(1, WORK_BUDGET / Math.max(1, entries + n));
    int limit = (int) Math.min(1_000_000, budget);
    converged = false;
    int it = 0;
    while (it < limit) {
      it++;
      for (int j = 0; j < n; j++) {
        next[j] = 0.5 * pi[j];
      }
      for (int i = 0; i < n; i++) {
        double half = 0.5 * pi[i];
        if (half == 0) {
          continue;
        }
        for (int q = start[i]; q < start[i + 1]; q++) {
          next[dst[q]] += half * k[q];
        }
      }
      double change = 0;
      double sum = 0;
      for (int j = 0; j < n; j++) {
        change += Math.abs(next[j] - pi[j]);
        sum += next[j];
      }
      // Renormalise: rounding would otherwise let the total drift over many iterations.
      for (int j = 0; j < n; j++) {
        pi[j] = next[j] / sum;
      }
      if (change < TOLERANCE) {
        converged = true;
        break;
      }
    }
    iterations = it;
    stationary = pi;
  }
}
