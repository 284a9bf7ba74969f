package org.nvlab.viz.graph;

import java.util.Arrays;
import org.nvlab.core.snapshot.Snapshot;

/**
 * The colour of every node in one frame, as a level 0..{@link GraphStreamLayers#LEVELS}-1 on one of
 * three scales, and which nodes of a LIF host fired in the last tick. Plain arrays and no toolkit,
 * so the scales are tested without a display.
 *
 * <ul>
 *   <li>{@link Scale#ACTIVATION}: activation against the 98th percentile of |activation| (so a few
 *       input nodes driven far beyond the rest do not wash out everything else), on the
 *       blue-white-red scale, 0 in the middle;
 *   <li>{@link Scale#DENSITY}: the density model's rho against its peak, on the heat scale;
 *   <li>{@link Scale#PREVIEW}: per-node values handed in (the kernel editor's preview) against
 *       their largest, on the heat scale, over both others.
 * </ul>
 *
 * <p>The activation and density peaks hold and sink by 2% per colouring, so colours do not flicker;
 * a new network starts them again ({@link #resetPeaks}).
 */
final class NodeColours {
  /** The scale the levels were last computed on. */
  enum Scale {
    ACTIVATION,
    DENSITY,
    PREVIEW
  }

  private final byte[] levels;
  private final boolean[] fired;
  private float[] scratch = new float[0];
  private Scale scale = Scale.ACTIVATION;
  private double activationPeak;
  private double densityPeak;
  private double previewPeak;

  NodeColours(int nodeCount) {
    levels = new byte[nodeCount];
    fired = new boolean[nodeCount];
    resetPeaks();
  }

  /** Forgets the held peaks (a new network, or the same one reset). */
  void resetPeaks() {
    activationPeak = 1e-3;
    densityPeak = 1e-6;
  }

  /**
   * Computes every node's level from the snapshot.
   *
   * @param preview per-node values to show instead of activation or density, or null
   * @param density true when the snapshot carries the density the user asked to see
   */
  void colour(Snapshot s, double[] preview, boolean density) {
    int n = Math.min(s.nodeCount(), levels.length);
    int top = GraphStreamLayers.LEVELS - 1;
    if (preview != null) {
      scale = Scale.PREVIEW;
      double max = 1e-12;
      for (int i = 0; i < Math.min(n, preview.length); i++) {
        if (preview[i] > max) { // a NaN is skipped here, and drawn as 0 below
          max = preview[i];
        }
      }
      for (int i = 0; i < n; i++) {
        double v = i < preview.length ? preview[i] : 0;
        levels[i] = (byte) Math.round(top * unit(Double.isFinite(v) ? v / max : 0));
      }
      previewPeak = max;
    } else if (density) {
      scale = Scale.DENSITY;
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, s.density(i));
      }
      densityPeak = Math.max(1e-6, Math.max(max, densityPeak * 0.98));
      for (int i = 0; i < n; i++) {
        levels[i] = (byte) Math.round(top * unit(s.density(i) / densityPeak));
      }
    } else {
      scale = Scale.ACTIVATION;
      if (scratch.length < n) {
        scratch = new float[n];
      }
      int finite = 0;
      for (int i = 0; i < n; i++) {
        float a = s.activation(i);
        if (Float.isFinite(a)) {
          scratch[finite++] = Math.abs(a);
        }
      }
      double level = Percentile.quantile(scratch, finite, 0.98);
      activationPeak = Math.max(1e-3, Math.max(level, activationPeak * 0.98));
      for (int i = 0; i < n; i++) {
        double t = s.activation(i) / activationPeak;
        t = Double.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
        levels[i] = (byte) Math.round(top * 0.5 * (t + 1));
      }
    }
    if (s.spiking()) {
      for (int i = 0; i < n; i++) {
        fired[i] = s.spike(i) > 0;
      }
    } else {
      Arrays.fill(fired, false);
    }
  }

  private static double unit(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** One level per node, as last computed. */
  byte[] levels() {
    return levels;
  }

  /** Which nodes fired in the last tick (all false for a rate host). */
  boolean[] fired() {
    return fired;
  }

  Scale scale() {
    return scale;
  }

  /** True when the last colouring was on the heat scale (density or preview). */
  boolean heat() {
    return scale != Scale.ACTIVATION;
  }

  /** The |activation| drawn at either end of the blue-white-red scale. */
  double activationPeak() {
    return activationPeak;
  }

  /** The rho drawn brightest on the heat scale. */
  double densityPeak() {
    return densityPeak;
  }

  /** The largest preview value, drawn brightest. */
  double previewPeak() {
    return previewPeak;
  }
}
