package org.nvlab.core.limits;

import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The FiLM limit (SPEC section 10): gamma = G E z and beta = B E z, the linear FiLM generator, as
 * the expectation of one tick of vesicle releases.
 *
 * <p>Node 0, the emitter, has an edge to each of the m target nodes 1..m. Every tick it emits
 * Poisson(N) vesicles whose payload is c = E z + u + sigma * noise, z the conditioning vector of
 * that tick (it steps through a fixed cycle). The kernel is a softmax over the emitter's moves with
 * a large bias on real moves (staying weighs e^-50) and random per-edge logits, so K(0, i) differs
 * between targets. Docking sites are the targets with p_dock = 1. A vesicle born at t moves at t +
 * 1 and docks at t + 2, releasing gamma_i += s_i G_i . c and beta_i += s_i B_i . c with s_i = 1 /
 * (N K(0, i)), K read from the engine. With modulationDecay 0 the buffers after tick t + 2 hold
 * exactly those releases, so E[gamma_i] = G_i . (E z + u) and likewise beta: zero-mean payload
 * noise adds variance, not bias.
 */
public final class FilmLimit implements LimitConstruction {
  static final int EMITTER = 0;

  private final int targets;
  private final int dim;
  private final double noise;
  private final double[][] zCycle;
  private final double[][] payloadZ;
  private final double[] offset;
  private final double[][] gain;
  private final double[][] bias;
  private double[] share;

  /**
   * @param targets m, the nodes that receive FiLM modulation
   * @param dim d, the payload dimension
   * @param zDim the conditioning vector's dimension
   * @param noise sigma, the payload noise
   * @param cycle how many conditioning vectors z steps through
   */
  public FilmLimit(int targets, int dim, int zDim, double noise, int cycle) {
    this.targets = targets;
    this.dim = dim;
    this.noise = noise;
    this.zCycle = LimitProjects.gaussian(101, cycle, zDim, 0, 1);
    this.payloadZ = LimitProjects.gaussian(102, dim, zDim, 0, 0.5);
    this.offset = LimitProjects.gaussian(103, 1, dim, 0.5, 0.5)[0];
    this.gain = LimitProjects.gaussian(104, targets, dim, 0, 1);
    this.bias = LimitProjects.gaussian(105, targets, dim, 0, 1);
  }

  /** The construction the lab measures: 4 targets, d = 4, z of dimension 3, payload noise 0.25. */
  public static FilmLimit standard() {
    return new FilmLimit(4, 4, 3, 0.25, 5);
  }

  @Override
  public String name() {
    return "film";
  }

  @Override
  public String mechanism() {
    return "gamma_i = (G (E z + u))_i, beta_i = (B (E z + u))_i";
  }

  @Override
  public int pathTicks() {
    return 2;
  }

  @Override
  public int components() {
    return 2 * targets;
  }

  @Override
  public String component(int k) {
    return (k % 2 == 0 ? "gamma[" : "beta[") + (1 + k / 2) + "]";
  }

  @Override
  public ProjectSpec projectSpec(int vesicles) {
    return spec(vesicles, shares());
  }

  /** K(0, i): probed once from the engine (the kernel does not depend on N or the run seed). */
  private synchronized double[] shares() {
    if (share == null) {
      share = LimitProjects.arrivalShares(spec(1, null), name(), 0, EMITTER);
    }
    return share;
  }

  private ProjectSpec spec(int vesicles, double[] k) {
    int n = targets + 1;
    double[][] edges = new double[targets][];
    int[] sites = new int[targets];
    double[][] g = new double[n][];
    double[][] b = new double[n][];
    double[] scale = new double[n];
    g[EMITTER] = new double[dim];
    b[EMITTER] = new double[dim];
    scale[EMITTER] = 1;
    for (int i = 1; i <= targets; i++) {
      edges[i - 1] = new double[] {EMITTER, i, 1};
      sites[i - 1] = i;
      g[i] = gain[i - 1];
      b[i] = bias[i - 1];
      scale[i] = k == null ? 1 : 1.0 / (vesicles * k[i]);
    }
    String description =
        "The FiLM limit (SPEC section 10, docs/model.md section 10): node 0 emits Poisson("
            + vesicles
            + ") vesicles per tick carrying c = E z + u + noise; they hop to the targets 1.."
            + targets
            + " by a softmax kernel, dock there with probability 1 and release gamma_i += G_i.c /"
            + " (N K(0,i)), beta_i += B_i.c / (N K(0,i)). Each tick's gamma and beta are then an"
            + " unbiased sample of FiLM's G(Ez+u) and B(Ez+u), with an error falling as N^-1/2.";
    return LimitProjects.project("film-limit", description, 11, zCycle)
        .host(h -> h.edgeList(n, edges))
        .type(
            "film",
            t ->
                LimitProjects.carrier(t, vesicles, EMITTER, payloadZ, offset, noise, sites)
                    .release(
                        ReleaseKind.ACTIVATION,
                        r -> r.gainPerNode(g).biasPerNode(b).nodeScale(scale)))
        .build();
  }

  @Override
  public Reading reading(Simulation sim) {
    VesicleType type = sim.model().type(0);
    ActivationRelease release = (ActivationRelease) type.releases().get(0);
    return (tick, measured, exact) -> {
      double[] c =
          LimitProjects.meanPayload(
              type.emission(), dim, LimitProjects.z(zCycle, tick - pathTicks()));
      for (int i = 1; i <= targets; i++) {
        int q = 2 * (i - 1);
        measured[q] = sim.gamma(i);
        measured[q + 1] = sim.beta(i);
        exact[q] = LimitProjects.dot(release.gain(), i * dim, c);
        exact[q + 1] = LimitProjects.dot(release.bias(), i * dim, c);
      }
    };
  }
}
