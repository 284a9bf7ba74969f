package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.graph.GraphBuilders;
import org.nvlab.core.snapshot.Snapshot;

/** The node colours' three scales, without a display. */
class NodeColoursTest {
  private static final int TOP = GraphStreamLayers.LEVELS - 1;
  private static final Graph GRAPH = GraphBuilders.grid(10, 10, false, false).build();
  private static final int N = GRAPH.nodeCount();

  private static Snapshot.Builder snapshot() {
    return Snapshot.builder(GRAPH, List.of("a", "b"));
  }

  private static float[] activations(float everyone, int node, float itsOwn) {
    float[] a = new float[N];
    java.util.Arrays.fill(a, everyone);
    a[node] = itsOwn;
    return a;
  }

  @Test
  void zeroActivationIsTheMiddleOfTheBlueWhiteRedScaleAndTheSignPicksTheEnd() {
    float[] a = new float[N];
    a[1] = 1;
    a[2] = -1;
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().activation(a).build(), null, false);
    assertEquals(NodeColours.Scale.ACTIVATION, c.scale());
    assertFalse(c.heat());
    assertEquals(Math.round(TOP * 0.5), c.levels()[0]);
    assertEquals(TOP, c.levels()[1]);
    assertEquals(0, c.levels()[2]);
  }

  @Test
  void oneNodeDrivenFarBeyondTheRestDoesNotWashOutTheOthers() {
    // 99 nodes at 0.5 and one at 1,000: the 98th percentile of |activation| is 0.5, so the 99
    // are drawn at the red end, not a hair off white.
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().activation(activations(0.5f, 7, 1000)).build(), null, false);
    assertEquals(0.5, c.activationPeak(), 1e-6);
    assertEquals(TOP, c.levels()[0]);
    assertEquals(TOP, c.levels()[7], "beyond the peak is clamped to the end");
  }

  @Test
  void theActivationPeakHoldsAndSinksByTwoPercentPerColouring() {
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().activation(activations(1, 0, 1)).build(), null, false);
    assertEquals(1, c.activationPeak(), 1e-6);
    Snapshot quiet = snapshot().activation(activations(0.1f, 0, 0.1f)).build();
    c.colour(quiet, null, false);
    assertEquals(0.98, c.activationPeak(), 1e-6, "a quiet frame after a loud one keeps its scale");
    for (int k = 0; k < 200; k++) {
      c.colour(quiet, null, false);
    }
    assertEquals(0.1, c.activationPeak(), 1e-6, "and sinks to the quiet level, no further");
    c.resetPeaks();
    c.colour(snapshot().activation(activations(0.01f, 0, 0.01f)).build(), null, false);
    assertEquals(0.01, c.activationPeak(), 1e-6, "a new network starts the scale again");
  }

  @Test
  void densityIsDrawnOnTheHeatScaleAgainstItsPeak() {
    float[] rho = new float[N];
    rho[3] = 2;
    rho[4] = 1;
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().density(1, rho).build(), null, true);
    assertEquals(NodeColours.Scale.DENSITY, c.scale());
    assertTrue(c.heat());
    assertEquals(2, c.densityPeak(), 1e-6);
    assertEquals(TOP, c.levels()[3]);
    assertEquals(Math.round(TOP * 0.5), c.levels()[4]);
    assertEquals(0, c.levels()[0]);
  }

  @Test
  void aPreviewIsDrawnOverDensityAgainstItsLargestAndIgnoresValuesItCannotDraw() {
    double[] preview = new double[N];
    preview[5] = 0.25;
    preview[6] = Double.NaN;
    float[] rho = new float[N];
    rho[0] = 9;
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().density(0, rho).build(), preview, true);
    assertEquals(NodeColours.Scale.PREVIEW, c.scale());
    assertEquals(0.25, c.previewPeak(), 1e-12);
    assertEquals(TOP, c.levels()[5]);
    assertEquals(0, c.levels()[6]);
    assertEquals(0, c.levels()[0], "the density is not what is shown");
    c.colour(snapshot().density(0, rho).build(), new double[] {1}, true);
    assertEquals(TOP, c.levels()[0], "a preview shorter than the graph colours what it covers");
    assertEquals(0, c.levels()[1]);
  }

  @Test
  void aSpikingHostMarksTheNodesThatFiredAndARateHostNone() {
    float[] spikes = new float[N];
    spikes[2] = 1;
    spikes[9] = 1;
    NodeColours c = new NodeColours(N);
    c.colour(snapshot().spike(spikes).build(), null, false);
    boolean[] want = new boolean[N];
    want[2] = true;
    want[9] = true;
    assertArrayEquals(want, c.fired());
    c.colour(snapshot().build(), null, false);
    assertArrayEquals(new boolean[N], c.fired());
  }
}
