package org.nvlab.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The initial weight laws: exact constants, moments and shape of the random laws, fan-in scaling.
 */
class WeightInitTest {
  private static final int N = 100_000;

  private static double[] samples(WeightInit init, long seed, int fanIn, int count) {
    double[] x = new double[count];
    for (int e = 0; e < count; e++) {
      x[e] = init.sample(seed, e, fanIn);
    }
    return x;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  private static void assertFollows(RealDistribution law, double[] x, String what) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(law, x);
    assertTrue(p > 1e-4, what + " does not follow its law (KS p = " + p + ")");
  }

  @Test
  void constantLawGivesEveryEdgeExactlyTheValue() {
    Graph g =
        GraphBuilders.layered(new int[] {4, 5, 3}, 1.0, 1)
            .weights(WeightInit.constant(0.3), 9)
            .build();
    float[] expected = new float[g.edgeCount()];
    Arrays.fill(expected, 0.3f);
    assertArrayEquals(expected, g.initialWeights());
  }

  @Test
  void normalLawHasTheGivenMeanAndStandardDeviation() {
    double[] x = samples(WeightInit.normal(0.5, 2.0), 7, 1, N);
    double se = 2.0 / Math.sqrt(N);
    assertEquals(0.5, mean(x), 4.5 * se);
    // The sample variance of a normal has standard deviation sigma^2 sqrt(2 / (N - 1)).
    assertEquals(4.0, variance(x), 4.5 * 4.0 * Math.sqrt(2.0 / (N - 1)));
    assertFollows(new NormalDistribution(0.5, 2.0), x, "normal(0.5, 2)");
  }

  @Test
  void uniformLawStaysInItsBoundsWithTheUniformMoments() {
    double[] x = samples(new WeightInit(WeightInit.Law.UNIFORM, -1, 3), 7, 1, N);
    for (double v : x) {
      assertTrue(v >= -1 && v <= 3, "uniform draw " + v + " outside [-1, 3]");
    }
    double var = 16.0 / 12;
    assertEquals(1.0, mean(x), 4.5 * Math.sqrt(var / N));
    // Var of the sample variance of a uniform: (mu4 - sigma^4) / N with mu4 = 9/5 sigma^4.
    assertEquals(var, variance(x), 4.5 * var * Math.sqrt(0.8 / N));
    assertFollows(new UniformRealDistribution(-1, 3), x, "uniform(-1, 3)");
  }

  @Test
  void normalFanInStandardDeviationScalesAsOneOverRootFanIn() {
    WeightInit init = new WeightInit(WeightInit.Law.NORMAL_FAN_IN, 0.1, 1.5);
    int count = 40_000;
    for (int fanIn : new int[] {1, 4, 16, 100}) {
      double[] x = samples(init, 3, fanIn, count);
      double sd = 1.5 / Math.sqrt(fanIn);
      assertEquals(0.1, mean(x), 4.5 * sd / Math.sqrt(count), "mean at fan-in " + fanIn);
      assertEquals(
          sd, Math.sqrt(variance(x)), 4.5 * sd / Math.sqrt(2.0 * count), "sd at fan-in " + fanIn);
      assertFollows(new NormalDistribution(0.1, sd), x, "normal-fan-in at fan-in " + fanIn);
    }
    // A node without inputs cannot divide by zero: fan-in 0 counts as 1.
    assertEquals(init.sample(3, 5, 1), init.sample(3, 5, 0));
  }

  @Test
  void theBuilderUsesEachTargetsOwnFanIn() {
    // Nodes 0..24 are sources; 4000 targets take one edge each, 400 targets take 25 each.
    int sources = 25;
    int single = 4000;
    int wide = 400;
    EdgeListBuilder b = new EdgeListBuilder(sources + single + wide);
    for (int t = 0; t < single; t++) {
      b.add(t % sources, sources + t, 0f);
    }
    for (int t = 0; t < wide; t++) {
      for (int s = 0; s < sources; s++) {
        b.add(s, sources + single + t, 0f);
      }
    }
    Graph g = b.weights(new WeightInit(WeightInit.Law.NORMAL_FAN_IN, 0, 2), 5).build();
    float[] w = g.initialWeights();
    double[] one = new double[single];
    double[] many = new double[wide * sources];
    int a = 0;
    int c = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if (g.target(e) < sources + single) {
        one[a++] = w[e];
      } else {
        many[c++] = w[e];
      }
    }
    assertEquals(2.0, Math.sqrt(variance(one)), 4.5 * 2.0 / Math.sqrt(2.0 * single));
    assertEquals(0.4, Math.sqrt(variance(many)), 4.5 * 0.4 / Math.sqrt(2.0 * many.length));
  }

  @Test
  void edgeKInInsertionOrderGetsDrawK() {
    WeightInit init = WeightInit.normal(0, 1);
    EdgeListBuilder b = new EdgeListBuilder(4).add(3, 0, 0).add(0, 2, 0).add(1, 2, 0).add(2, 1, 0);
    Graph g = b.weights(init, 42).build();
    float[] w = g.initialWeights();
    assertEquals(init.sample(42, 0, 1), w[g.edge(3, 0)]);
    assertEquals(init.sample(42, 1, 2), w[g.edge(0, 2)]);
    assertEquals(init.sample(42, 2, 2), w[g.edge(1, 2)]);
    assertEquals(init.sample(42, 3, 1), w[g.edge(2, 1)]);
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    WeightInit init = new WeightInit(WeightInit.Law.UNIFORM, -1, 1);
    float[] a =
        GraphBuilders.layered(new int[] {10, 10}, 1, 0).weights(init, 1).build().initialWeights();
    float[] b =
        GraphBuilders.layered(new int[] {10, 10}, 1, 0).weights(init, 1).build().initialWeights();
    float[] c =
        GraphBuilders.layered(new int[] {10, 10}, 1, 0).weights(init, 2).build().initialWeights();
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
  }
}
