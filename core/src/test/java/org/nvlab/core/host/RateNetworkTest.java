package org.nvlab.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.graph.GraphBuilders;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.parallel.WorkerPool;

/**
 * The rate host against hand computations: a_i = f((1 + gamma_i)(sum_j w_ij a_j + b_i) + beta_i),
 * inputs clamped, synchronous recurrent updates, e_i = dL/da_i and the gated gradient step checked
 * against finite differences of the loss.
 */
class RateNetworkTest {
  private final WorkerPool pool = new WorkerPool(2);

  @AfterEach
  void closePool() {
    pool.close();
  }

  private static RateNetwork network(Graph g, Activation f, boolean recurrent, float rate) {
    return new RateNetwork(g, f, recurrent, null, rate, 0, 0f, 0f);
  }

  private static double f(Activation f, double z) {
    return switch (f) {
      case IDENTITY -> z;
      case TANH -> Math.tanh(z);
      case RELU -> Math.max(0, z);
      case SIGMOID -> 1 / (1 + Math.exp(-z));
    };
  }

  // ---------------------------------------------------------------- forward

  /**
   * Inputs 0 and 1; node 4 has no inputs (its activation is f of its modulated bias); 2 is hidden;
   * 3 reads 0, 2 and 4 (so it sits two levels deep); 5 gets a negative argument.
   */
  private static Graph handGraph() {
    return new EdgeListBuilder(6)
        .add(0, 2, 0.5f)
        .add(1, 2, -1.25f)
        .add(2, 3, 2.0f)
        .add(0, 3, 0.75f)
        .add(4, 3, -0.5f)
        .add(0, 5, -2.0f)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void feedForwardActivationsMatchTheModulatedFormulaByHand(Activation act) {
    RateNetwork net = network(handGraph(), act, false, 0f);
    net.markInput(0);
    net.markInput(1);
    net.input()[0] = 1.5f;
    net.input()[1] = -0.5f;
    float[] b = net.bias();
    float[] gamma = net.gamma();
    float[] beta = net.beta();
    b[2] = 0.25f;
    b[3] = -0.1f;
    b[4] = 0.4f;
    gamma[2] = 0.5f;
    gamma[3] = -0.25f;
    gamma[4] = 1f;
    beta[2] = -0.2f;
    beta[3] = 0.3f;
    beta[5] = 0.125f;
    // Modulation and bias on input nodes must be ignored: inputs are clamped.
    gamma[0] = 3f;
    b[0] = 7f;
    beta[1] = 5f;

    net.forward(0, pool);

    double a0 = 1.5;
    double a1 = -0.5;
    double a2 = f(act, (1 + 0.5) * (0.5 * a0 - 1.25 * a1 + 0.25) - 0.2);
    double a4 = f(act, (1 + 1.0) * 0.4);
    double a3 = f(act, (1 - 0.25) * (2.0 * a2 + 0.75 * a0 - 0.5 * a4 - 0.1) + 0.3);
    double a5 = f(act, -2.0 * a0 + 0.125);
    double[] expected = {a0, a1, a2, a3, a4, a5};
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], net.activation()[i], 1e-6, act + " activation of node " + i);
    }
    if (act == Activation.RELU) {
      assertEquals(0f, net.activation()[5], "relu cuts the negative argument to exactly 0");
    }
    net.forward(1, pool);
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], net.activation()[i], 1e-6, "feed-forward keeps no state");
    }
  }

  @Test
  void activationDerivativesMatchFiniteDifferences() {
    for (Activation act : Activation.values()) {
      for (float z : new float[] {-1.7f, -0.3f, 0.4f, 2.2f}) {
        double h = 1e-4;
        double numeric = (f(act, z + h) - f(act, z - h)) / (2 * h);
        assertEquals(numeric, act.derivative(z, act.apply(z)), 1e-5, act + "'(" + z + ")");
      }
    }
  }

  @Test
  void inputNodesAreClampedEvenWithIncomingEdges() {
    Graph g = new EdgeListBuilder(3).add(0, 1, 4f).add(1, 2, 0.5f).build();
    RateNetwork net = network(g, Activation.TANH, false, 0f);
    net.markInput(0);
    net.markInput(1);
    net.input()[0] = 0.7f;
    net.input()[1] = -0.9f;
    net.gamma()[1] = 2f;
    net.beta()[1] = 1f;
    net.forward(0, pool);
    assertEquals(0.7f, net.activation()[0]);
    assertEquals(-0.9f, net.activation()[1], "the edge 0 -> 1 must not drive an input");
    assertEquals(Math.tanh(0.5 * -0.9), net.activation()[2], 1e-6);
  }

  @Test
  void feedForwardTraversesTheWholeDepthInOneTickButRecurrentTakesOneHopPerTick() {
    Graph chain = new EdgeListBuilder(3).add(0, 1, 2f).add(1, 2, 3f).build();
    RateNetwork ff = network(chain, Activation.IDENTITY, false, 0f);
    ff.markInput(0);
    ff.input()[0] = 1f;
    ff.forward(0, pool);
    assertArrayEquals(new float[] {1, 2, 6}, ff.activation());

    RateNetwork rec = network(chain, Activation.IDENTITY, true, 0f);
    rec.markInput(0);
    rec.input()[0] = 1f;
    rec.forward(0, pool);
    assertArrayEquals(new float[] {1, 0, 0}, rec.activation(), "tick 0 reads the zero state");
    rec.forward(1, pool);
    assertArrayEquals(new float[] {1, 2, 0}, rec.activation());
    rec.forward(2, pool);
    assertArrayEquals(new float[] {1, 2, 6}, rec.activation());
  }

  @Test
  void recurrentUpdatesAreSynchronousFromThePreviousTick() {
    // a0 <- (1 + g0)(0.5 a1 + 1) ; a1 <- -0.8 a0 + 0.2 + beta1, both from the previous tick.
    Graph loop = new EdgeListBuilder(2).add(1, 0, 0.5f).add(0, 1, -0.8f).build();
    RateNetwork net = network(loop, Activation.TANH, true, 0f);
    net.bias()[0] = 1f;
    net.bias()[1] = 0.2f;
    net.gamma()[0] = 0.5f;
    net.beta()[1] = -0.1f;
    double a0 = 0;
    double a1 = 0;
    for (int t = 0; t < 8; t++) {
      net.forward(t, pool);
      double n0 = Math.tanh(1.5 * (0.5 * a1 + 1));
      double n1 = Math.tanh(-0.8 * a0 + 0.2 - 0.1);
      a0 = n0;
      a1 = n1;
      assertEquals(a0, net.activation()[0], 1e-6, "node 0 at tick " + t);
      assertEquals(a1, net.activation()[1], 1e-6, "node 1 at tick " + t);
    }
  }

  @Test
  void aWideLevelComputedInParallelChunksMatchesTheFormulaAndOneThread() {
    // 9000 hidden nodes form one level of more than two chunks, so it runs on the pool.
    Graph g =
        GraphBuilders.layered(new int[] {3, 9000, 2}, 1.0, 1)
            .weights(WeightInit.normal(0, 0.5), 4)
            .build();
    float[] in = {0.3f, -0.7f, 1.1f};
    float[][] results = new float[2][];
    for (int threads = 1; threads <= 2; threads++) {
      try (WorkerPool p = new WorkerPool(threads)) {
        RateNetwork net = network(g, Activation.TANH, false, 0f);
        for (int i = 0; i < 3; i++) {
          net.markInput(i);
          net.input()[i] = in[i];
        }
        for (int i = 3; i < g.nodeCount(); i++) {
          net.gamma()[i] = (i % 7) * 0.1f;
        }
        net.forward(0, p);
        results[threads - 1] = net.activation().clone();
      }
    }
    assertArrayEquals(results[0], results[1], "one thread and two give the same bits");
    float[] w = g.initialWeights();
    for (int i = 3; i < g.nodeCount(); i++) {
      double s = 0;
      for (int e = g.inStart()[i]; e < g.inStart()[i + 1]; e++) {
        s += w[e] * results[0][g.source(e)];
      }
      double expected = Math.tanh((1 + (i % 7) * 0.1) * s);
      assertEquals(expected, results[0][i], 1e-5, "node " + i);
    }
  }

  @Test
  void feedForwardModeRejectsACycleAndPointsToRecurrentMode() {
    Graph loop = new EdgeListBuilder(2).add(1, 0, 1f).add(0, 1, 1f).build();
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class, () -> network(loop, Activation.TANH, false, 0f));
    assertTrue(ex.getMessage().contains("'recurrent'"), ex.getMessage());
  }

  @Test
  void initialBiasIsCopiedIntoTheHost() {
    float[] b = {0.5f, -1f};
    RateNetwork net =
        new RateNetwork(new EdgeListBuilder(2).build(), Activation.IDENTITY, false, b, 0, 0, 0, 0);
    b[0] = 9f;
    assertArrayEquals(new float[] {0.5f, -1f}, net.bias());
    net.forward(0, pool);
    assertArrayEquals(new float[] {0.5f, -1f}, net.activation());
  }

  // ---------------------------------------------------------------- errors and learning

  private static final int[] INPUTS = {0, 1, 2};
  private static final int[] HIDDEN = {3, 4, 5, 6};
  private static final int[] OUTPUTS = {7, 8};

  /** A 3-4-2 network with random weights, biases, modulation and targets (fixed seed). */
  private static RateNetwork twoLayer(Activation act, float rate) {
    Graph g =
        GraphBuilders.layered(new int[] {3, 4, 2}, 1.0, 1)
            .weights(WeightInit.normal(0, 0.8), 21)
            .build();
    RateNetwork net = network(g, act, false, rate);
    float[] in = {0.9f, -0.4f, 0.3f};
    for (int k = 0; k < 3; k++) {
      net.markInput(INPUTS[k]);
      net.input()[INPUTS[k]] = in[k];
    }
    float[] bias = {0.1f, -0.2f, 0.05f, 0.3f, -0.15f, 0.2f};
    float[] gamma = {0.4f, 0f, -0.3f, 0.2f, 0.5f, -0.2f};
    float[] beta = {0f, 0.1f, 0f, -0.05f, 0.2f, 0f};
    for (int k = 0; k < 6; k++) {
      int i = 3 + k;
      net.bias()[i] = bias[k];
      net.gamma()[i] = gamma[k];
      net.beta()[i] = beta[k];
    }
    net.markTarget(7);
    net.markTarget(8);
    net.target()[7] = 0.8f;
    net.target()[8] = -0.6f;
    return net;
  }

  /** The loss after a forward pass. */
  private double loss(RateNetwork net) {
    net.forward(0, pool);
    return net.loss();
  }

  /** Fourth-order central difference of the loss as one float parameter moves by +-h, +-2h. */
  private double numericGradient(RateNetwork net, float[] param, int index) {
    float saved = param[index];
    double h = 1e-2;
    double[] at = new double[4];
    double[] steps = {-2 * h, -h, h, 2 * h};
    for (int s = 0; s < 4; s++) {
      param[index] = (float) (saved + steps[s]);
      at[s] = loss(net);
    }
    param[index] = saved;
    return (at[0] - 8 * at[1] + 8 * at[2] - at[3]) / (12 * h);
  }

  /**
   * Relative error with a floor of 1e-2 on the scale: gradients here are O(0.1 .. 1), and a
   * near-zero gradient is then judged by its absolute error.
   */
  private static void assertClose(double expected, double actual, String what) {
    double scale = Math.max(1e-2, Math.max(Math.abs(expected), Math.abs(actual)));
    double rel = Math.abs(expected - actual) / scale;
    assertTrue(rel < 1e-3, what + ": " + actual + " vs numeric " + expected + " (rel " + rel + ")");
  }

  @ParameterizedTest
  @EnumSource(
      value = Activation.class,
      names = {"IDENTITY", "TANH", "SIGMOID"})
  void errorSignalsAreTheDerivativeOfTheLossWithRespectToEachActivation(Activation act) {
    RateNetwork net = twoLayer(act, 0f);
    net.forward(0, pool);
    float[] a = net.activation().clone();
    float[] e = net.error().clone();
    double l = 0;
    for (int o : OUTPUTS) {
      l += 0.5 * (a[o] - net.target()[o]) * (a[o] - net.target()[o]);
      assertEquals(a[o] - net.target()[o], e[o], "output error is a - y");
    }
    assertEquals(l, net.loss(), 1e-7);

    // dL/da_i for a non-output node: clamp it as an input and move its value.
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 6}) {
      boolean wasInput = net.isInput()[i];
      net.isInput()[i] = true;
      float saved = net.input()[i];
      net.input()[i] = a[i];
      double numeric = numericGradient(net, net.input(), i);
      net.isInput()[i] = wasInput;
      net.input()[i] = saved;
      assertClose(numeric, e[i], act + " e_" + i);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Activation.class,
      names = {"IDENTITY", "TANH", "SIGMOID"})
  void oneLearningStepIsMinusEtaTimesTheNumericGradient(Activation act) {
    float eta = 0.125f;
    RateNetwork net = twoLayer(act, eta);
    int m = net.graph().edgeCount();
    double[] gradW = new double[m];
    for (int k = 0; k < m; k++) {
      gradW[k] = numericGradient(net, net.weight(), k);
    }
    double[] gradB = new double[net.nodeCount()];
    for (int i = 3; i < 9; i++) {
      gradB[i] = numericGradient(net, net.bias(), i);
    }
    float[] w0 = net.weight().clone();
    float[] b0 = net.bias().clone();
    net.forward(0, pool);
    int version = net.weightsVersion();
    net.learn(0, pool);
    assertEquals(version + 1, net.weightsVersion(), "learning announces changed weights");
    for (int k = 0; k < m; k++) {
      assertClose(gradW[k], (w0[k] - net.weight()[k]) / eta, act + " dL/dw for edge " + k);
    }
    for (int i = 3; i < 9; i++) {
      assertClose(gradB[i], (b0[i] - net.bias()[i]) / eta, act + " dL/db_" + i);
    }
    for (int i : INPUTS) {
      assertEquals(b0[i], net.bias()[i], "input biases do not learn");
    }
    RateNetwork small = twoLayer(act, 0.01f);
    double before = loss(small);
    small.learn(0, pool);
    assertTrue(loss(small) < before, act + ": a small step lowers the loss");
  }

  @Test
  void theGateScalesEachNodesLearningRateByOnePlusG() {
    RateNetwork plain = twoLayer(Activation.TANH, 0.05f);
    RateNetwork gated = twoLayer(Activation.TANH, 0.05f);
    float[] g = {0.5f, -0.25f, 2f, 0f, 1f, 3f};
    for (int k = 0; k < 6; k++) {
      gated.gate()[3 + k] = g[k];
    }
    float[] w0 = plain.weight().clone();
    float[] b0 = plain.bias().clone();
    plain.forward(0, pool);
    gated.forward(0, pool);
    assertArrayEquals(plain.error(), gated.error(), "the gate does not touch the forward pass");
    plain.learn(0, pool);
    gated.learn(0, pool);
    Graph graph = plain.graph();
    int changed = 0;
    for (int k = 0; k < graph.edgeCount(); k++) {
      double base = w0[k] - plain.weight()[k];
      double got = w0[k] - gated.weight()[k];
      double factor = 1 + gated.gate()[graph.target(k)];
      assertEquals(factor * base, got, 1e-6 + 1e-5 * Math.abs(got), "edge " + k);
      if (base != 0) {
        changed++;
      }
    }
    assertEquals(graph.edgeCount(), changed, "every weight learned");
    for (int i = 3; i < 9; i++) {
      double base = b0[i] - plain.bias()[i];
      double got = b0[i] - gated.bias()[i];
      assertEquals((1 + gated.gate()[i]) * base, got, 1e-6 + 1e-5 * Math.abs(got), "bias " + i);
    }
  }

  @Test
  void recurrentErrorsLiveOnOutputsAndLearningUsesThePreviousActivations() {
    // 0 (input 2) -> 1 (output, self-loop); identity, gamma_1 = 0.5.
    Graph g = new EdgeListBuilder(2).add(0, 1, 0.5f).add(1, 1, 0.25f).build();
    RateNetwork net = network(g, Activation.IDENTITY, true, 0.5f);
    net.markInput(0);
    net.input()[0] = 2f;
    net.markTarget(1);
    net.target()[1] = 1f;
    net.bias()[1] = 0.1f;
    net.gamma()[1] = 0.5f;
    net.forward(0, pool); // a = (2, 1.5 * 0.1)
    double prev1 = 1.5 * 0.1;
    assertEquals(prev1, net.activation()[1], 1e-7);
    net.forward(1, pool); // reads a0 = 2 and a1 = 0.15 from tick 0
    double a1 = 1.5 * (0.1 + 0.5 * 2 + 0.25 * prev1);
    assertEquals(a1, net.activation()[1], 1e-6);
    double e1 = a1 - 1;
    assertEquals(e1, net.error()[1], 1e-6);
    assertEquals(0f, net.error()[0], "no backpropagation in recurrent mode");
    assertEquals(0.5 * e1 * e1, net.loss(), 1e-6);
    net.learn(1, pool);
    double delta = e1 * 1.5; // dL/d(sum + b): f' = 1 times (1 + gamma)
    assertEquals(0.5 - 0.5 * delta * 2, net.weight()[g.edge(0, 1)], 1e-6);
    assertEquals(0.25 - 0.5 * delta * prev1, net.weight()[g.edge(1, 1)], 1e-6);
    assertEquals(0.1 - 0.5 * delta, net.bias()[1], 1e-6);
  }

  @Test
  void withoutATaskOrWithRateZeroNothingLearns() {
    RateNetwork noTask = network(handGraph(), Activation.TANH, false, 0.5f);
    noTask.forward(0, pool);
    noTask.learn(0, pool);
    assertArrayEquals(handGraph().initialWeights(), noTask.weight());
    assertEquals(0, noTask.weightsVersion());
    assertEquals(0.0, noTask.loss());

    RateNetwork still = twoLayer(Activation.TANH, 0f);
    float[] w0 = still.weight().clone();
    still.forward(0, pool);
    still.learn(0, pool);
    assertArrayEquals(w0, still.weight());
    assertTrue(still.loss() > 0);
  }
}
