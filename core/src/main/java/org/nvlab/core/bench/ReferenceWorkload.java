package org.nvlab.core.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.project.ProjectBuilder;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * The reference workload of the engine benchmark (issue 2), built as an ordinary project so that
 * the benchmark runs exactly the code users run: a random graph with fixed out-degree, a recurrent
 * tanh rate host, one vesicle type with a static softmax kernel over random per-edge logits, a 2%
 * docking probability, an ACTIVATION release of the d-float payload into the nodes' gain and bias
 * buffers, exponential lifetimes with mean 50 ticks, and emission that replaces every death so the
 * population stays at N.
 *
 * @param nodes n
 * @param degree out-degree of every node
 * @param vesicles N, the population kept
 * @param dim d, the payload dimension
 */
public record ReferenceWorkload(int nodes, int degree, int vesicles, int dim) {

  /** logit(0.02): the docking bias that gives a 2% docking probability per tick. */
  public static final double DOCK_BIAS = Math.log(0.02 / 0.98);

  public static ReferenceWorkload standard() {
    return new ReferenceWorkload(10_000, 10, 1_000_000, 8);
  }

  /** The project of this workload. */
  public ProjectSpec spec() {
    double[] gain = new double[dim];
    double[] offset = new double[dim];
    double[][] matrix = new double[dim][Signals.Z0];
    for (int k = 0; k < dim; k++) {
      gain[k] = k % 2 == 0 ? 0.001 : -0.001;
      offset[k] = decimal(0.1 * (k + 1), 3);
      // Row k reads the emitter's activation (the first signal): c_k = w_k a_i + u_k.
      matrix[k][Signals.ACTIVATION] = decimal((k % 2 == 0 ? 0.5 : -0.5) * (k + 1) / dim, 4);
    }
    return ProjectBuilder.project("reference-workload")
        .description("The engine benchmark's reference workload.")
        .seed(42)
        .host(
            h ->
                h.fixedOutDegree(nodes, degree)
                    .weights(w -> w.law(WeightInit.Law.NORMAL_FAN_IN).std(0.5))
                    .activation(Activation.TANH)
                    .recurrent(true)
                    .modulationDecay(0.5))
        .type(
            "modulator",
            t ->
                t.payloadDim(dim)
                    .emission(
                        e ->
                            e.mode(EmissionRule.Mode.REPLACE)
                                .target(vesicles)
                                .payloadMatrix(matrix)
                                .payloadOffset(offset))
                    .lifetime(LifetimeLaw.Kind.EXPONENTIAL, 50)
                    .kernel(k -> k.temperature(1).edgeBiasStd(1))
                    .docking(d -> d.bias(DOCK_BIAS))
                    .release(ReleaseKind.ACTIVATION, r -> r.gain(gain).bias(gain)))
        .build();
  }

  /**
   * {@code v} rounded half up to {@code places} decimals, as the workload's numbers have always
   * been written (so that its spec, and every benchmark figure, stays what it was).
   */
  private static double decimal(double v, int places) {
    return new BigDecimal(Double.toString(v)).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  /** A fresh simulation of this workload. */
  public Simulation simulation(long seed, int threads) {
    try {
      return Model.compile(spec(), "reference-workload.json").instantiate(seed, threads);
    } catch (ProjectException e) {
      throw new IllegalStateException("the reference workload is invalid: " + e.getMessage(), e);
    }
  }
}
