package org.nvlab.viz.graph;

import java.util.SplittableRandom;
import org.nvlab.core.graph.Graph;

/**
 * Where to draw each node of a host graph, as x, y per node in the unit square.
 *
 * <p>Graphs whose builder left positions (layered, grid) are drawn where the builder put them.
 * Larger graphs without positions fill a disc in index order ({@link #disc}: a ring of thousands of
 * nodes was a line of overlapping dots under a fog of chords). Up to {@link #FORCE_LIMIT} nodes a
 * graph shows a circle at once and then a force-directed layout (Fruchterman-Reingold) that the
 * caller computes off the FX thread: it costs O(n^2) per iteration, about 3 s on one core for the
 * largest graph it takes (a circle shows meanwhile). The results are deterministic, so a project
 * always looks the same.
 *
 * @param xy x, y per node, each in [0, 1]
 * @param keepAspect true when x and y are in the same units (draw with one scale); false when the
 *     axes mean different things (layers across, rank down), so each axis may fill the view
 */
public record GraphLayout(float[] xy, boolean keepAspect) {
  /** The largest graph that gets a force-directed layout; larger ones stay on the circle. */
  public static final int FORCE_LIMIT = 2000;

  public GraphLayout {
    xy = xy.clone();
  }

  public int nodeCount() {
    return xy.length / 2;
  }

  public float x(int node) {
    return xy[2 * node];
  }

  public float y(int node) {
    return xy[2 * node + 1];
  }

  /** The builder's positions, or null when the graph has none. */
  public static GraphLayout fromHint(Graph g) {
    float[] p = g.position();
    if (p == null || p.length != 2 * g.nodeCount()) {
      return null;
    }
    boolean layered = g.layerCount() > 0;
    return new GraphLayout(normalise(p, !layered), !layered);
  }

  /** Nodes evenly on a circle, in index order. */
  public static GraphLayout circle(int n) {
    float[] xy = new float[2 * n];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / Math.max(1, n) - Math.PI / 2;
      xy[2 * i] = (float) (0.5 + 0.5 * Math.cos(a));
      xy[2 * i + 1] = (float) (0.5 + 0.5 * Math.sin(a));
    }
    return new GraphLayout(n == 1 ? new float[] {0.5f, 0.5f} : xy, true);
  }

  /**
   * Nodes spread evenly over a disc in index order (a sunflower: node i at radius sqrt(i/n) and
   * angle i times the golden angle), so every node has room however many there are.
   */
  public static GraphLayout disc(int n) {
    float[] xy = new float[2 * n];
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int i = 0; i < n; i++) {
      double r = 0.5 * Math.sqrt((i + 0.5) / Math.max(1, n));
      double a = i * golden;
      xy[2 * i] = (float) (0.5 + r * Math.cos(a));
      xy[2 * i + 1] = (float) (0.5 + r * Math.sin(a));
    }
    return new GraphLayout(normalise(xy, true), true);
  }

  /** True when {@link #forceDirected} is worth running for this graph. */
  public static boolean wantsForceLayout(Graph g) {
    return g.position() == null && g.nodeCount() > 2 && g.nodeCount() <= FORCE_LIMIT;
  }

  /**
   * Fruchterman-Reingold: all pairs repel (k^2/d), edges attract (d^2/k), a weak pull to the centre
   * keeps separate components together, and the step size cools linearly to zero.
   */
  public static GraphLayout forceDirected(Graph g, int iterations) {
    int n = g.nodeCount();
    double[] x = new double[n];
    double[] y = new double[n];
    SplittableRandom rnd = new SplittableRandom(0x5eedL);
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble();
      y[i] = rnd.nextDouble();
    }
    double k = Math.sqrt(1.0 / Math.max(1, n));
    double k2 = k * k;
    double[] dx = new double[n];
    double[] dy = new double[n];
    int[] start = g.outStart();
    int[] target = g.outTarget();
    for (int it = 0; it < iterations; it++) {
      java.util.Arrays.fill(dx, 0);
      java.util.Arrays.fill(dy, 0);
      for (int i = 0; i < n; i++) {
        double xi = x[i];
        double yi = y[i];
        for (int j = i + 1; j < n; j++) {
          double ux = xi - x[j];
          double uy = yi - y[j];
          double d2 = Math.max(ux * ux + uy * uy, 1e-9);
          double f = k2 / d2; // (k^2 / d) along the unit vector u / d
          dx[i] += ux * f;
          dy[i] += uy * f;
          dx[j] -= ux * f;
          dy[j] -= uy * f;
        }
      }
      for (int i = 0; i < n; i++) {
        for (int e = start[i]; e < start[i + 1]; e++) {
          int j = target[e];
          if (j == i) {
            continue;
          }
          double ux = x[i] - x[j];
          double uy = y[i] - y[j];
          double d = Math.sqrt(ux * ux + uy * uy);
          double f = d / k; // (d^2 / k) along u / d
          dx[i] -= ux * f;
          dy[i] -= uy * f;
          dx[j] += ux * f;
          dy[j] += uy * f;
        }
        dx[i] += (0.5 - x[i]) * 0.05 * n * k;
        dy[i] += (0.5 - y[i]) * 0.05 * n * k;
      }
      double temperature = 0.1 * (1 - it / (double) iterations) + 1e-4;
      for (int i = 0; i < n; i++) {
        double len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > 0) {
          double step = Math.min(len, temperature) / len;
          x[i] += dx[i] * step;
          y[i] += dy[i] * step;
        }
      }
    }
    float[] xy = new float[2 * n];
    for (int i = 0; i < n; i++) {
      xy[2 * i] = (float) x[i];
      xy[2 * i + 1] = (float) y[i];
    }
    return new GraphLayout(normalise(xy, true), true);
  }

  /** Iterations for n nodes: 300 up to 500 nodes, then 150 (a few seconds at the limit). */
  public static int iterationsFor(int n) {
    return n <= 500 ? 300 : 150;
  }

  /**
   * Maps positions into [0, 1]: one scale for both axes (centred) when {@code keepAspect}, else
   * each axis on its own. An axis with no extent goes to the middle.
   */
  static float[] normalise(float[] p, boolean keepAspect) {
    int n = p.length / 2;
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, p[2 * i]);
      maxX = Math.max(maxX, p[2 * i]);
      minY = Math.min(minY, p[2 * i + 1]);
      maxY = Math.max(maxY, p[2 * i + 1]);
    }
    float w = maxX - minX;
    float h = maxY - minY;
    float sx = w > 0 ? 1 / w : 0;
    float sy = h > 0 ? 1 / h : 0;
    float ox = w > 0 ? 0 : 0.5f;
    float oy = h > 0 ? 0 : 0.5f;
    if (keepAspect && w > 0 && h > 0) {
      float s = 1 / Math.max(w, h);
      sx = s;
      sy = s;
      ox = (1 - w * s) / 2;
      oy = (1 - h * s) / 2;
    }
    float[] out = new float[p.length];
    for (int i = 0; i < n; i++) {
      out[2 * i] = ox + (p[2 * i] - minX) * sx;
      out[2 * i + 1] = oy + (p[2 * i + 1] - minY) * sy;
    }
    return out;
  }
}
