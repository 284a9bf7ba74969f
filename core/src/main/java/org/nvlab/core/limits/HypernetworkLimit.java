package org.nvlab.core.limits;

import java.util.Arrays;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The hypernetwork limit (SPEC section 10): one tick of low-rank PARAMETER releases changes a
 * layer's weights by H(z)_ij = (U c)_i (V c)_j in expectation, c = E z + u.
 *
 * <p>Nodes 1..P form the presynaptic layer and P + 1..P + Q the postsynaptic one, fully connected
 * (edges j -> i with initial weights W0); node 0, the emitter, has an edge to every postsynaptic
 * node. Every tick node 0 emits Poisson(N) vesicles with payload c = E z + u (+ sigma * noise; the
 * measured construction has sigma = 0, so all vesicles of a tick share one payload). They hop to a
 * postsynaptic node i with the kernel's K(0, i) (a large bias on real moves, random per-edge
 * logits), dock there (sites: the postsynaptic layer, p = 1) two ticks after birth and release
 * Delta w_ij = s_i u_i^T (sum c c^T) v_j on i's incoming edges, s_i = 1 / (N K(0, i)), u_i and v_j
 * the rows of the release's random readouts U and V. Weights persist, so a tick's change is read as
 * the difference across that tick; E[Delta w_ij] = (U c)_i (V c)_j + sigma^2 u_i . v_j. The
 * emitter's own edges into the layer change too and are not compared.
 */
public final class HypernetworkLimit implements LimitConstruction {
  static final int EMITTER = 0;

  private final int pre;
  private final int post;
  private final int dim;
  private final double noise;
  private final double[][] zCycle;
  private final double[][] payloadZ;
  private final double[] offset;
  private final double[][] initial;
  private double[] share;

  /**
   * @param pre P, the presynaptic nodes
   * @param post Q, the postsynaptic nodes (docking sites)
   * @param dim d, the payload dimension (the rank of each vesicle's update is 1)
   * @param zDim the conditioning vector's dimension
   * @param noise sigma, the payload noise (its covariance biases the product: see the class note)
   * @param cycle how many conditioning vectors z steps through
   */
  public HypernetworkLimit(int pre, int post, int dim, int zDim, double noise, int cycle) {
    this.pre = pre;
    this.post = post;
    this.dim = dim;
    this.noise = noise;
    this.zCycle = LimitProjects.gaussian(301, cycle, zDim, 0, 1);
    this.payloadZ = LimitProjects.gaussian(302, dim, zDim, 0, 0.5);
    this.offset = LimitProjects.gaussian(303, 1, dim, 0.5, 0.5)[0];
    this.initial = LimitProjects.gaussian(304, post, pre, 0, 0.5);
  }

  /** The construction the lab measures: 4 -> 3 nodes, d = 3, z of dimension 3, no noise. */
  public static HypernetworkLimit standard() {
    return new HypernetworkLimit(4, 3, 3, 3, 0, 5);
  }

  /** The same construction with payload noise sigma (to show the covariance term). */
  public HypernetworkLimit withNoise(double sigma) {
    return new HypernetworkLimit(pre, post, dim, zCycle[0].length, sigma, zCycle.length);
  }

  @Override
  public String name() {
    return "hypernetwork";
  }

  @Override
  public String mechanism() {
    return "Delta W_ij = (U (E z + u))_i (V (E z + u))_j";
  }

  @Override
  public int pathTicks() {
    return 2;
  }

  @Override
  public int components() {
    return pre * post;
  }

  @Override
  public String component(int k) {
    return "w[" + (1 + k % pre) + "->" + (1 + pre + k / pre) + "]";
  }

  @Override
  public ProjectSpec projectSpec(int vesicles) {
    return spec(vesicles, shares());
  }

  private synchronized double[] shares() {
    if (share == null) {
      share = LimitProjects.arrivalShares(spec(1, null), name(), 0, EMITTER);
    }
    return share;
  }

  private ProjectSpec spec(int vesicles, double[] k) {
    int n = 1 + pre + post;
    double[][] edges = new double[post * (pre + 1)][];
    int[] sites = new int[post];
    double[] scale = new double[n];
    Arrays.fill(scale, 1);
    int e = 0;
    for (int q = 0; q < post; q++) {
      int i = 1 + pre + q;
      sites[q] = i;
      edges[e++] = new double[] {EMITTER, i, 1};
      for (int j = 1; j <= pre; j++) {
        edges[e++] = new double[] {j, i, initial[q][j - 1]};
      }
      scale[i] = k == null ? 1 : 1.0 / (vesicles * k[i]);
    }
    String description =
        "The hypernetwork limit (SPEC section 10, docs/model.md section 10): node 0 emits Poisson("
            + vesicles
            + ") vesicles per tick carrying c = E z + u; they hop to the postsynaptic layer "
            + (1 + pre)
            + ".."
            + (pre + post)
            + ", dock there with probability 1 and release the low-rank PARAMETER update Delta"
            + " w_ij = (U c)_i (V c)_j / (N K(0,i)) on the incoming edges from the presynaptic"
            + " layer 1.."
            + pre
            + ". Each tick's weight change is then an unbiased sample of the hypernetwork's H(z)_ij"
            + " = (U c)_i (V c)_j, with an error falling as N^-1/2.";
    return LimitProjects.project("hypernetwork-limit", description, 13, zCycle)
        .host(h -> h.edgeList(n, edges))
        .type(
            "generator",
            t ->
                LimitProjects.carrier(t, vesicles, EMITTER, payloadZ, offset, noise, sites)
                    .release(
                        ReleaseKind.PARAMETER,
                        r ->
                            r.mode(ParameterRelease.Mode.LOW_RANK)
                                .lowRank(1, 1, 1)
                                .nodeScale(scale)))
        .build();
  }

  /** The compared edge ids, in the order of {@link #component}. */
  private int[] comparedEdges(Graph g) {
    int[] ids = new int[pre * post];
    for (int q = 0; q < post; q++) {
      for (int j = 1; j <= pre; j++) {
        ids[q * pre + j - 1] = g.edge(j, 1 + pre + q);
      }
    }
    return ids;
  }

  private static ParameterRelease release(Simulation sim) {
    VesicleType type = sim.model().type(0);
    return (ParameterRelease) type.releases().get(0);
  }

  /**
   * sigma^2 u_i . v_j per compared weight: what noisy payloads add to the expected change, (U
   * Cov(c) V^T)_ij with Cov(c) = sigma^2 I.
   */
  public double[] covarianceTerm(Simulation sim) {
    ParameterRelease r = release(sim);
    double[] out = new double[components()];
    for (int q = 0; q < post; q++) {
      int i = 1 + pre + q;
      for (int j = 1; j <= pre; j++) {
        double uv = 0;
        for (int c = 0; c < dim; c++) {
          uv += (double) r.u()[i * dim + c] * r.v()[j * dim + c];
        }
        out[q * pre + j - 1] = noise * noise * uv;
      }
    }
    return out;
  }

  @Override
  public Reading reading(Simulation sim) {
    VesicleType type = sim.model().type(0);
    ParameterRelease r = release(sim);
    int[] ids = comparedEdges(sim.graph());
    float[] before = new float[ids.length];
    for (int k = 0; k < ids.length; k++) {
      before[k] = sim.weight(ids[k]);
    }
    return (tick, measured, exact) -> {
      double[] c =
          LimitProjects.meanPayload(
              type.emission(), dim, LimitProjects.z(zCycle, tick - pathTicks()));
      for (int q = 0; q < post; q++) {
        int i = 1 + pre + q;
        double uc = LimitProjects.dot(r.u(), i * dim, c);
        for (int j = 1; j <= pre; j++) {
          int k = q * pre + j - 1;
          float now = sim.weight(ids[k]);
          measured[k] = (double) now - before[k];
          before[k] = now;
          exact[k] = uc * LimitProjects.dot(r.v(), j * dim, c);
        }
      }
    };
  }
}
