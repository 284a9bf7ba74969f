package org.nvlab.core.limits;

import java.util.Arrays;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.TypeBuilder.Keys;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The attention limit (SPEC section 10): the expected output of one tick of query and value
 * vesicles is softmax attention, sum_j softmax_j(q . k_j / sqrt(d)) v_j. It is also the reference
 * use of cascades.
 *
 * <p>Node 0, the query node, has an edge to each key node 1..m; each key node has an edge to the
 * output node m + 1. Every tick node 0 emits Poisson(N) query vesicles with payload q = E z (z
 * steps through a fixed cycle). The query kernel is content dependent: z(0, j) = 50 + q . k_j /
 * sqrt(d) with random keys k_j, so the first hop picks key j with probability softmax_j(q . k_j /
 * sqrt(d)) (staying weighs e^-50). A query born at t hops at t + 1 and docks at its key node at t +
 * 2 (sites: the keys, p = 1), where it releases a CASCADE: one value vesicle carrying the node's
 * memory trace v_j = M_j. The value hops to the output node at t + 3 and docks there at t + 4
 * (sites: the output node), releasing gamma += v_j[0] / N and beta += v_j[1] / N. After tick t + 4
 * (modulationDecay 0) the output node's (gamma, beta) is a sample of the attention output for the
 * queries of tick t.
 */
public final class AttentionLimit implements LimitConstruction {
  static final int QUERY = 0;

  /** The value dimension: the output node reads v[0] into gamma and v[1] into beta. */
  static final int VALUE_DIM = 2;

  private final int keys;
  private final int dim;
  private final double[][] zCycle;
  private final double queryScale;
  private final double[][] values;

  /**
   * @param keys m, the key nodes
   * @param dim d, the query and key dimension
   * @param queryScale q = queryScale * z
   * @param cycle how many queries z steps through
   */
  public AttentionLimit(int keys, int dim, double queryScale, int cycle) {
    this.keys = keys;
    this.dim = dim;
    this.queryScale = queryScale;
    this.zCycle = LimitProjects.gaussian(201, cycle, dim, 0, 1);
    this.values = LimitProjects.gaussian(202, keys, VALUE_DIM, 0.5, 1);
  }

  /** The construction the lab measures: 6 keys, d = 4, q = 1.5 z, 4 queries in turn. */
  public static AttentionLimit standard() {
    return new AttentionLimit(6, 4, 1.5, 4);
  }

  int output() {
    return keys + 1;
  }

  @Override
  public String name() {
    return "attention";
  }

  @Override
  public String mechanism() {
    return "out = sum_j softmax_j(q . k_j / sqrt(d)) v_j";
  }

  @Override
  public int pathTicks() {
    return 4;
  }

  @Override
  public int components() {
    return VALUE_DIM;
  }

  @Override
  public String component(int k) {
    return "out[" + k + "]";
  }

  @Override
  public ProjectSpec projectSpec(int vesicles) {
    int n = keys + 2;
    double[][] edges = new double[2 * keys][];
    int[] keySites = new int[keys];
    double[][] memory = new double[n][];
    memory[QUERY] = new double[VALUE_DIM];
    memory[output()] = new double[VALUE_DIM];
    for (int j = 1; j <= keys; j++) {
      edges[j - 1] = new double[] {QUERY, j, 1};
      edges[keys + j - 1] = new double[] {j, output(), 1};
      keySites[j - 1] = j;
      memory[j] = values[j - 1];
    }
    double[][] e = new double[dim][dim];
    for (int k = 0; k < dim; k++) {
      e[k][k] = queryScale;
    }
    // The output node receives every value vesicle: 1/N is 1/(N K) with K(j, output) = 1.
    double[] scale = new double[n];
    Arrays.fill(scale, 1.0 / vesicles);
    String description =
        "The attention limit (SPEC section 10, docs/model.md section 10): node 0 emits Poisson("
            + vesicles
            + ") query vesicles per tick with payload q = E z; a content kernel sends each to key"
            + " node j with probability softmax_j(q.k_j/sqrt(d)); docked there, it releases a"
            + " cascade: a value vesicle carrying the node's memory v_j, which hops to output node "
            + output()
            + " and adds v_j[0]/N to its gamma and v_j[1]/N to its beta. Each tick the output"
            + " node's (gamma, beta) is an unbiased sample of softmax attention, sum_j softmax_j"
            + " v_j.";
    return LimitProjects.project("attention-limit", description, 12, zCycle)
        .host(h -> h.edgeList(n, edges).memoryDim(VALUE_DIM).memoryInit(memory))
        .type(
            "query",
            t ->
                LimitProjects.hopsAndDocksAt(t.payloadDim(dim), keySites)
                    .emission(
                        q -> {
                          LimitProjects.emitsAt(q, vesicles, QUERY);
                          q.payloadZ(e);
                        })
                    .kernel(k -> k.content(1).keys(Keys.RANDOM).keyStd(1))
                    .release(
                        ReleaseKind.CASCADE,
                        r -> r.child("value").count(1, false).payloadFromMemory()))
        .type(
            "value",
            t ->
                LimitProjects.hopsAndDocksAt(t.payloadDim(VALUE_DIM), output())
                    .emission(v -> v.mode(EmissionRule.Mode.NONE))
                    .release(ReleaseKind.ACTIVATION, r -> r.gain(1, 0).bias(0, 1).nodeScale(scale)))
        .build();
  }

  @Override
  public Reading reading(Simulation sim) {
    VesicleType query = sim.model().type(0);
    float[] k = query.kernel().keys();
    // No memory release: v_j stays as initialised.
    float[] memory = new float[sim.nodeCount() * VALUE_DIM];
    for (int i = 0; i < sim.nodeCount(); i++) {
      for (int c = 0; c < VALUE_DIM; c++) {
        memory[i * VALUE_DIM + c] = sim.memory(i, c);
      }
    }
    int out = output();
    double norm = 1.0 / Math.sqrt(dim);
    return (tick, measured, exact) -> {
      double[] q =
          LimitProjects.meanPayload(
              query.emission(), dim, LimitProjects.z(zCycle, tick - pathTicks()));
      double[] logit = new double[keys + 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 1; j <= keys; j++) {
        logit[j] = norm * LimitProjects.dot(k, j * dim, q);
        max = Math.max(max, logit[j]);
      }
      double sum = 0;
      double[] o = new double[VALUE_DIM];
      for (int j = 1; j <= keys; j++) {
        double w = Math.exp(logit[j] - max);
        sum += w;
        for (int c = 0; c < VALUE_DIM; c++) {
          o[c] += w * memory[j * VALUE_DIM + c];
        }
      }
      measured[0] = sim.gamma(out);
      measured[1] = sim.beta(out);
      exact[0] = o[0] / sum;
      exact[1] = o[1] / sum;
    };
  }
}
