package org.nvlab.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.parallel.WorkerPool;

/**
 * The LIF host: spike times against the closed form of v <- v + dt/tau_m (v_rest - v) + I,
 * refractory period and reset, threshold shift and gain, and the three-factor STDP rule (pair
 * window, gate, clipping).
 */
class LifNetworkTest {
  private static final float DT = 1f;
  private static final float TAU_M = 10f;
  private static final float V_REST = 0f;
  private static final float THETA = 1f;
  private static final float LEAK = DT / TAU_M;

  private final WorkerPool pool = new WorkerPool(2);

  @AfterEach
  void closePool() {
    pool.close();
  }

  /** Neuron constants with plasticity off. */
  private static LifNetwork.Params neuron(float vReset, int refractory, float tauSynapse) {
    return new LifNetwork.Params(
        DT, TAU_M, V_REST, vReset, THETA, refractory, tauSynapse, 20f, 0f, 0, 0, 1, 1, 1, -1, 1);
  }

  private static LifNetwork lif(Graph g, LifNetwork.Params p) {
    return new LifNetwork(g, p, 0, 0f, 0f);
  }

  /**
   * Updates needed to reach theta from v0 under constant input I, from the closed form v_k = v_inf
   * + (v0 - v_inf)(1 - leak)^k with v_inf = v_rest + I / leak; -1 if v_inf never reaches theta.
   * Fails if the answer sits within 1e-3 of a tie, where float rounding could decide.
   */
  private static int updatesToSpike(double v0, double input, double theta) {
    double vInf = V_REST + input / LEAK;
    if (vInf <= theta) {
      return -1;
    }
    double k = Math.log((vInf - theta) / (vInf - v0)) / Math.log(1 - LEAK);
    assertTrue(Math.abs(k - Math.rint(k)) > 1e-3, "closed form too close to a tie: " + k);
    return (int) Math.ceil(k);
  }

  private static double closedForm(double v0, double input, int updates) {
    double vInf = V_REST + input / LEAK;
    return vInf + (v0 - vInf) * Math.pow(1 - LEAK, updates);
  }

  /** Runs the network and returns, per node, the ticks at which it spiked. */
  private List<List<Integer>> spikeTicks(LifNetwork net, int ticks) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < net.nodeCount(); i++) {
      out.add(new ArrayList<>());
    }
    for (int t = 0; t < ticks; t++) {
      net.forward(t, pool);
      for (int i = 0; i < net.nodeCount(); i++) {
        float s = net.spike()[i];
        assertTrue(s == 0f || s == 1f, "spikes are 0 or 1");
        if (s == 1f) {
          out.get(i).add(t);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- membrane

  @Test
  void firstSpikeComesAtTheTickTheClosedFormPredicts() {
    double[] currents = {0.15, 0.2, 0.5, 1.2, 0.09, 0.1};
    int n = currents.length;
    LifNetwork net = lif(new EdgeListBuilder(n).build(), neuron(0f, 1000, 0f));
    for (int i = 0; i < n; i++) {
      net.input()[i] = (float) currents[i];
    }
    List<List<Integer>> spikes = spikeTicks(net, 80);
    int[] expectedTick = new int[n];
    for (int i = 0; i < n; i++) {
      int k = updatesToSpike(V_REST, currents[i], THETA);
      expectedTick[i] = k < 0 ? -1 : k - 1; // the k-th update happens at tick k - 1
      List<Integer> got = spikes.get(i);
      assertEquals(k < 0 ? List.of() : List.of(expectedTick[i]), got, "I = " + currents[i]);
    }
    // Spot values: I = 0.15 tends to 1.5 and crosses 1 on the 11th update; 0.5 on the 3rd.
    assertArrayEquals(new int[] {10, 6, 2, 0, -1, -1}, expectedTick);
  }

  @Test
  void membraneFollowsTheClosedFormBelowThreshold() {
    LifNetwork net = lif(new EdgeListBuilder(2).build(), neuron(0f, 0, 0f));
    net.input()[0] = 0.08f; // tends to 0.8, never spikes
    net.input()[1] = -0.05f; // tends to -0.5
    net.membrane()[1] = 0.3f;
    for (int k = 1; k <= 40; k++) {
      net.forward(k, pool);
      assertEquals(closedForm(0, 0.08, k), net.membrane()[0], 1e-5, "node 0 after " + k);
      assertEquals(closedForm(0.3, -0.05, k), net.membrane()[1], 1e-5, "node 1 after " + k);
    }
  }

  @Test
  void afterASpikeTheMembraneResetsAndStaysThereForTheRefractoryTicks() {
    int refractory = 3;
    float vReset = -0.2f;
    LifNetwork net = lif(new EdgeListBuilder(1).build(), neuron(vReset, refractory, 0f));
    net.input()[0] = 0.5f;
    int first = updatesToSpike(V_REST, 0.5, THETA) - 1; // tick 2
    int fromReset = updatesToSpike(vReset, 0.5, THETA); // 3 updates from -0.2
    int period = refractory + fromReset;
    assertEquals(2, first);
    assertEquals(6, period);
    int lastSpike = -1000;
    List<Integer> got = new ArrayList<>();
    for (int t = 0; t < 40; t++) {
      net.forward(t, pool);
      if (net.spike()[0] == 1f) {
        got.add(t);
        lastSpike = t;
        assertEquals(vReset, net.membrane()[0], "reset value at the spike");
      } else if (t - lastSpike <= refractory) {
        assertEquals(vReset, net.membrane()[0], "held at reset during refractory tick " + t);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int t = first; t < 40; t += period) {
      expected.add(t);
    }
    assertEquals(expected, got);
  }

  @Test
  void withoutARefractoryPeriodTheNeuronIntegratesRightAfterTheReset() {
    LifNetwork net = lif(new EdgeListBuilder(1).build(), neuron(0f, 0, 0f));
    net.input()[0] = 0.5f;
    List<Integer> got = spikeTicks(net, 20).get(0);
    int k = updatesToSpike(0, 0.5, THETA);
    List<Integer> expected = new ArrayList<>();
    for (int t = k - 1; t < 20; t += k) {
      expected.add(t);
    }
    assertEquals(expected, got);
  }

  @Test
  void aThresholdShiftDelaysOrPreventsTheSpike() {
    float[] shifts = {0f, 0.2f, 0.6f, -0.5f};
    LifNetwork net = lif(new EdgeListBuilder(shifts.length).build(), neuron(0f, 1000, 0f));
    for (int i = 0; i < shifts.length; i++) {
      net.input()[i] = 0.15f;
      net.thresholdShift()[i] = shifts[i];
    }
    List<List<Integer>> spikes = spikeTicks(net, 60);
    assertEquals(List.of(10), spikes.get(0));
    assertEquals(List.of(15), spikes.get(1), "theta 1.2: 16 updates");
    assertEquals(List.of(), spikes.get(2), "theta 1.6 lies above v_inf = 1.5");
    assertEquals(List.of(3), spikes.get(3), "theta 0.5: 4 updates");
    for (int i = 0; i < shifts.length; i++) {
      int k = updatesToSpike(0, 0.15, THETA + shifts[i]);
      assertEquals(k < 0 ? List.of() : List.of(k - 1), spikes.get(i), "closed form, shift " + i);
    }
  }

  /** Node 0 spikes once at tick 0; nodes 1..3 receive it with weight w and gains 0, 1, -1. */
  private LifNetwork gainNetwork(float w, float tauSynapse) {
    Graph g = new EdgeListBuilder(5).add(0, 1, w).add(0, 2, w).add(0, 3, w).build();
    LifNetwork net = lif(g, neuron(0f, 1000, tauSynapse));
    net.input()[0] = 2f;
    net.gamma()[2] = 1f;
    net.gamma()[3] = -1f;
    net.beta()[4] = 0.1f; // beta is a constant current
    return net;
  }

  @Test
  void gainScalesSynapticInputWhichArrivesOneTickAfterThePresynapticSpike() {
    LifNetwork net = gainNetwork(0.4f, 0f);
    net.forward(0, pool);
    assertEquals(1f, net.spike()[0]);
    assertArrayEquals(new float[] {0, 0, 0, 0.1f}, tail(net.membrane()), "no input yet");
    net.input()[0] = 0f;
    net.forward(1, pool);
    assertEquals(0.4f, net.membrane()[1], 1e-7);
    assertEquals(0.8f, net.membrane()[2], 1e-7, "gain 1 doubles the synaptic current");
    assertEquals(0f, net.membrane()[3], "gain -1 silences the synapse");
    assertEquals(closedForm(0, 0.1, 2), net.membrane()[4], 1e-6);
    net.forward(2, pool); // without a synaptic time constant the input lasts one tick
    assertEquals(0.4 * (1 - LEAK), net.membrane()[1], 1e-6);
    assertEquals(0.8 * (1 - LEAK), net.membrane()[2], 1e-6);
  }

  @Test
  void aSynapticTimeConstantFiltersThePresynapticSpike() {
    float tauSyn = 4f;
    double decay = Math.exp(-DT / tauSyn);
    LifNetwork net = gainNetwork(0.1f, tauSyn); // small enough that node 2 stays below threshold
    net.forward(0, pool);
    net.input()[0] = 0f;
    double v1 = 0;
    double trace = 1;
    for (int t = 1; t < 30; t++) {
      net.forward(t, pool);
      v1 = v1 + LEAK * (V_REST - v1) + 0.1 * trace;
      assertEquals(v1, net.membrane()[1], 1e-5, "gain 0 node at tick " + t);
      assertEquals(v1 * 2, net.membrane()[2], 2e-5, "gain 1 node at tick " + t);
      trace *= decay;
    }
  }

  private static float[] tail(float[] v) {
    return new float[] {v[1], v[2], v[3], v[4]};
  }

  @Test
  void activationIsTheFiringRateTraceAveragingOneOverThePeriod() {
    float tauRate = 20f;
    LifNetwork.Params p =
        new LifNetwork.Params(
            DT, TAU_M, V_REST, 0f, THETA, 4, 0f, tauRate, 0, 0, 0, 1, 1, 1, -1, 1);
    LifNetwork net = lif(new EdgeListBuilder(1).build(), p);
    net.input()[0] = 0.5f; // spikes every 4 + 3 = 7 ticks
    double decay = Math.exp(-DT / tauRate);
    double a = 0;
    double mean = 0;
    int ticks = 700;
    for (int t = 0; t < ticks; t++) {
      net.forward(t, pool);
      a = decay * a + (1 - decay) * net.spike()[0];
      assertEquals(a, net.activation()[0], 1e-6, "rate trace at tick " + t);
      if (t >= ticks - 7 * 20) {
        mean += a / (7 * 20);
      }
    }
    assertEquals(1.0 / 7, mean, 1e-3, "a regular train at period 7 has rate 1/7");
  }

  @Test
  void lifErrorsAndLossCompareTheRateTraceWithTheTarget() {
    LifNetwork net = lif(new EdgeListBuilder(2).build(), neuron(0f, 0, 0f));
    net.input()[0] = 2f; // spikes every tick
    net.markTarget(0);
    net.target()[0] = 0.25f;
    net.forward(0, pool);
    float a = net.activation()[0];
    assertEquals((float) (1 - Math.exp(-1 / 20.0)), a, 1e-7);
    assertEquals(a - 0.25f, net.error()[0]);
    assertEquals(0f, net.error()[1], "nodes without a target carry no error");
    assertEquals(0.5 * (a - 0.25f) * (a - 0.25f), net.loss(), 1e-9);
  }

  // ---------------------------------------------------------------- STDP

  private static final float ETA = 0.1f;
  private static final float A_PLUS = 0.5f;
  private static final float A_MINUS = 0.6f;
  private static final float TAU_PLUS = 5f;
  private static final float TAU_MINUS = 8f;
  private static final float TAU_ELIG = 20f;

  /**
   * Spikes are imposed by current pulses of 10 against a threshold of 3, with reset 0 and no
   * refractory period, so a weight of at most 1 can never cause a spike by itself.
   */
  private static LifNetwork.Params plastic(float wMin, float wMax) {
    return new LifNetwork.Params(
        DT, TAU_M, 0f, 0f, 3f, 0, 0f, 20f, ETA, A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, TAU_ELIG,
        wMin, wMax);
  }

  /** One tick with the given nodes forced to spike: forward then learn, as the engine does. */
  private void tick(LifNetwork net, int t, int... spiking) {
    Arrays.fill(net.input(), 0f);
    for (int i : spiking) {
      net.input()[i] = 10f;
    }
    net.forward(t, pool);
    for (int i = 0; i < net.nodeCount(); i++) {
      boolean expected = false;
      for (int s : spiking) {
        expected |= s == i;
      }
      assertEquals(expected ? 1f : 0f, net.spike()[i], "imposed spike of " + i + " at " + t);
    }
    net.learn(t, pool);
  }

  /** The eligibility of edge 0 -> 1 after a pre spike at tPre and a post spike at tPost. */
  private float eligibilityOfPair(int tPre, int tPost) {
    LifNetwork net = lif(new EdgeListBuilder(2).add(0, 1, 0f).build(), plastic(-1, 1));
    int end = Math.max(tPre, tPost);
    for (int t = 0; t <= end; t++) {
      if (t == tPre && t == tPost) {
        tick(net, t, 0, 1);
      } else if (t == tPre) {
        tick(net, t, 0);
      } else if (t == tPost) {
        tick(net, t, 1);
      } else {
        tick(net, t);
      }
    }
    assertEquals(0f, net.weight()[0], "with gate 0 the weight never moves");
    return net.eligibility()[0];
  }

  @Test
  void eligibilityFollowsThePairWindowPositiveForPreBeforePost() {
    for (int dt = 1; dt <= 12; dt++) {
      double expected = A_PLUS * Math.exp(-dt * DT / TAU_PLUS);
      assertEquals(expected, eligibilityOfPair(3, 3 + dt), 1e-6, "pre then post after " + dt);
    }
  }

  @Test
  void eligibilityFollowsThePairWindowNegativeForPostBeforePre() {
    for (int dt = 1; dt <= 12; dt++) {
      double expected = -A_MINUS * Math.exp(-dt * DT / TAU_MINUS);
      assertEquals(expected, eligibilityOfPair(3 + dt, 3), 1e-6, "post then pre after " + dt);
    }
  }

  @Test
  void simultaneousPreAndPostSpikesLeaveTheEligibilityUntouched() {
    assertEquals(0f, eligibilityOfPair(4, 4));
  }

  @Test
  void eligibilityDecaysWithItsOwnTimeConstantAndSumsPairs() {
    LifNetwork net = lif(new EdgeListBuilder(2).add(0, 1, 0f).build(), plastic(-1, 1));
    // pre at 2, post at 5 (LTP, dt 3); pre again at 9 (LTD against the post at 5, dt 4).
    for (int t = 0; t <= 15; t++) {
      if (t == 2 || t == 9) {
        tick(net, t, 0);
      } else if (t == 5) {
        tick(net, t, 1);
      } else {
        tick(net, t);
      }
    }
    double ltp = A_PLUS * Math.exp(-3 / TAU_PLUS) * Math.exp(-(15 - 5) / TAU_ELIG);
    double ltd = -A_MINUS * Math.exp(-4 / TAU_MINUS) * Math.exp(-(15 - 9) / TAU_ELIG);
    assertEquals(ltp + ltd, net.eligibility()[0], 1e-6);
  }

  /** A random raster on 0 <-> 1 and 2 -> 1 for {@code ticks} ticks, fixed seed. */
  private static int[][] raster(int ticks, long seed) {
    Random r = new Random(seed);
    int[][] spikes = new int[ticks][];
    for (int t = 0; t < ticks; t++) {
      List<Integer> s = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if (r.nextDouble() < 0.15) {
          s.add(i);
        }
      }
      spikes[t] = s.stream().mapToInt(Integer::intValue).toArray();
    }
    return spikes;
  }

  private static Graph threeNodes(float w) {
    return new EdgeListBuilder(3).add(0, 1, w).add(1, 0, w).add(2, 1, w).build();
  }

  @Test
  void withTheGateClosedWeightsNeverChangeWhileEligibilityAccumulates() {
    LifNetwork net = lif(threeNodes(0.25f), plastic(-1, 1));
    int[][] spikes = raster(300, 1);
    double maxElig = 0;
    for (int t = 0; t < spikes.length; t++) {
      tick(net, t, spikes[t]);
      for (float e : net.eligibility()) {
        maxElig = Math.max(maxElig, Math.abs(e));
      }
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, net.weight(), "tick " + t);
    }
    assertTrue(maxElig > 0.1, "the raster produced eligibility " + maxElig);
  }

  @Test
  void withAnOpenGateEachTickMovesTheWeightByEtaTimesGTimesEligibility() {
    LifNetwork net = lif(threeNodes(0f), plastic(-1, 1));
    float[] gate = {0f, 0.75f, 0f}; // only edges into node 1 may learn
    System.arraycopy(gate, 0, net.gate(), 0, 3);
    int[][] spikes = raster(300, 2);
    Graph g = net.graph();
    int changes = 0;
    for (int t = 0; t < spikes.length; t++) {
      float[] before = net.weight().clone();
      tick(net, t, spikes[t]);
      for (int e = 0; e < g.edgeCount(); e++) {
        float third = ETA * gate[g.target(e)];
        double expected = third == 0f ? before[e] : before[e] + third * net.eligibility()[e];
        expected = Math.max(-1, Math.min(1, expected));
        assertEquals(expected, net.weight()[e], 1e-6, "edge " + e + " at tick " + t);
        if (net.weight()[e] != before[e]) {
          changes++;
        }
      }
    }
    assertEquals(0f, net.weight()[g.edge(1, 0)], "the edge into the closed-gate node is fixed");
    assertTrue(changes > 50, "weights changed " + changes + " times");
  }

  @Test
  void weightsAreClippedToTheirBounds() {
    // Repeated pre-before-post pairs with a wide-open gate drive 0 -> 1 to wMax; the reverse
    // order drives 1 -> 0 (whose pre is 1) to wMin.
    LifNetwork net =
        lif(new EdgeListBuilder(2).add(0, 1, 0.1f).add(1, 0, 0.1f).build(), plastic(-0.5f, 0.7f));
    net.gate()[0] = 20f;
    net.gate()[1] = 20f;
    Graph g = net.graph();
    boolean hitMax = false;
    boolean hitMin = false;
    for (int t = 0; t < 200; t++) {
      if (t % 4 == 0) {
        tick(net, t, 0);
      } else if (t % 4 == 1) {
        tick(net, t, 1);
      } else {
        tick(net, t);
      }
      for (float w : net.weight()) {
        assertTrue(w >= -0.5f && w <= 0.7f, "weight " + w + " outside [-0.5, 0.7] at " + t);
      }
      hitMax |= net.weight()[g.edge(0, 1)] == 0.7f;
      hitMin |= net.weight()[g.edge(1, 0)] == -0.5f;
    }
    assertTrue(hitMax, "potentiated edge reaches wMax");
    assertTrue(hitMin, "depressed edge reaches wMin");
  }

  @Test
  void aZeroStdpRateTurnsPlasticityOff() {
    LifNetwork.Params off = neuron(0f, 0, 0f);
    LifNetwork net = lif(threeNodes(0.3f), off);
    Arrays.fill(net.gate(), 5f);
    int version = net.weightsVersion();
    int[][] spikes = raster(100, 3);
    for (int t = 0; t < spikes.length; t++) {
      Arrays.fill(net.input(), 0f);
      for (int i : spikes[t]) {
        net.input()[i] = 10f;
      }
      net.forward(t, pool);
      net.learn(t, pool);
    }
    assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f}, net.weight());
    assertArrayEquals(new float[3], net.eligibility());
    assertEquals(version, net.weightsVersion());
  }
}
