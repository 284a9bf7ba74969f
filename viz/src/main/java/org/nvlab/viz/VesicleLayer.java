package org.nvlab.viz;

import org.nvlab.core.record.Snapshot;

/**
 * Where each vesicle of a snapshot is drawn in one frame, and the drawing itself into a {@link
 * VesicleRaster}: the pixel side of the graph view's vesicle overlay, kept apart from JavaFX so it
 * can be tested without a display.
 *
 * <p>A vesicle moves in a straight line from the node it was at in the previous snapshot ({@link
 * Snapshot#vesicleFrom}) to its node now, {@code progress} of the way (0 when the snapshot arrives,
 * 1 when the next is due), eased at both ends. Each is offset from the line by a small fixed amount
 * taken from its id, so a crowd at one node, or a stream along one edge, reads as many vesicles and
 * not one; the offset never changes, so nothing flickers. Free vesicles are discs in their type's
 * colour, sized by payload length; docked ones are rings.
 *
 * <p>Positions are kept for hit-testing: the vesicle under a click is the one drawn there.
 */
final class VesicleLayer {
  /** The offset of each vesicle from its path: points spread evenly over the unit disc. */
  private static final int JITTER = 1024;

  private static final float[] JX = new float[JITTER];
  private static final float[] JY = new float[JITTER];

  static {
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int i = 0; i < JITTER; i++) {
      double r = Math.sqrt((i + 0.5) / JITTER);
      JX[i] = (float) (r * Math.cos(i * golden));
      JY[i] = (float) (r * Math.sin(i * golden));
    }
  }

  private float[][] xs = new float[0][];
  private float[][] ys = new float[0][];
  private float[][] rs = new float[0][];
  private int[] counts = new int[0];
  private Snapshot placed;

  /**
   * Computes every kept vesicle's position (pixels) and radius for this frame.
   *
   * @param nodeX pixel x of each node
   * @param nodeY pixel y of each node
   * @param progress how far along its move each vesicle is, 0..1
   * @param spread how far (pixels) vesicles scatter around their path
   * @param rMin radius (pixels) of a vesicle with an empty payload
   * @param rMax radius of one whose payload length is {@code normScale} or more
   * @param normScale the payload length drawn at rMax (0: every vesicle halfway)
   */
  void place(
      Snapshot s,
      double[] nodeX,
      double[] nodeY,
      double progress,
      double spread,
      double rMin,
      double rMax,
      double normScale) {
    int k = s.typeCount();
    if (xs.length != k) {
      xs = new float[k][0];
      ys = new float[k][0];
      rs = new float[k][0];
      counts = new int[k];
    }
    double p = Math.max(0, Math.min(1, progress));
    double t = p * p * (3 - 2 * p);
    double inv = normScale > 0 ? 1 / normScale : 0;
    double rMid = 0.5 * (rMin + rMax);
    int n = nodeX.length;
    for (int type = 0; type < k; type++) {
      int m = s.vesicleCount(type);
      if (xs[type].length < m) {
        int cap = Math.max(m, xs[type].length + (xs[type].length >> 1));
        xs[type] = new float[cap];
        ys[type] = new float[cap];
        rs[type] = new float[cap];
      }
      float[] x = xs[type];
      float[] y = ys[type];
      float[] r = rs[type];
      for (int q = 0; q < m; q++) {
        int loc = s.vesicleNode(type, q);
        int to = loc >= 0 ? loc : ~loc;
        int from = s.vesicleFrom(type, q);
        if (to >= n || from >= n) {
          x[q] = Float.NaN; // a snapshot of another graph: not drawn
          continue;
        }
        long h = s.vesicleId(type, q) * 0x9E3779B97F4A7C15L;
        int j = (int) (h >>> 54);
        double ax = nodeX[from];
        double ay = nodeY[from];
        x[q] = (float) (ax + (nodeX[to] - ax) * t + spread * JX[j]);
        y[q] = (float) (ay + (nodeY[to] - ay) * t + spread * JY[j]);
        double norm = s.payloadNorm(type, q);
        r[q] = (float) (inv > 0 ? rMin + (rMax - rMin) * Math.min(1, norm * inv) : rMid);
      }
      counts[type] = m;
    }
    placed = s;
  }

  /** The snapshot whose vesicles {@link #place} positioned last, or null. */
  Snapshot placed() {
    return placed;
  }

  float x(int type, int q) {
    return xs[type][q];
  }

  float y(int type, int q) {
    return ys[type][q];
  }

  float radius(int type, int q) {
    return rs[type][q];
  }

  /**
   * Draws the placed vesicles, type by type (later types on top).
   *
   * @param typeRgb colour per type, 0xRRGGBB
   * @param halo whether to give each disc a dark rim (readable over pale nodes; costs a second
   *     stamp per vesicle, so only for modest counts)
   * @param haloRgb the rim colour
   */
  void draw(VesicleRaster raster, int[] typeRgb, boolean halo, int haloRgb) {
    Snapshot s = placed;
    if (s == null) {
      return;
    }
    for (int type = 0; type < counts.length; type++) {
      int rgb = typeRgb[type % typeRgb.length];
      float[] x = xs[type];
      float[] y = ys[type];
      float[] r = rs[type];
      for (int q = 0; q < counts[type]; q++) {
        if (Float.isNaN(x[q])) {
          continue;
        }
        if (s.vesicleNode(type, q) < 0) {
          raster.ring(x[q], y[q], r[q] + 0.4, rgb, 255);
        } else {
          if (halo) {
            raster.disc(x[q], y[q], r[q] + 1.1, haloRgb, 255); // opaque: no blending cost
          }
          raster.disc(x[q], y[q], r[q], rgb, 255);
        }
      }
    }
  }

  /**
   * The vesicle drawn nearest to (px, py) within its radius plus {@code slack} pixels, as {type,
   * index in the snapshot}, or null. Later types win ties, as they are drawn on top.
   */
  int[] hit(double px, double py, double slack) {
    int bestType = -1;
    int bestQ = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int type = 0; type < counts.length; type++) {
      float[] x = xs[type];
      float[] y = ys[type];
      float[] r = rs[type];
      for (int q = 0; q < counts[type]; q++) {
        double dx = x[q] - px;
        double dy = y[q] - py;
        double d2 = dx * dx + dy * dy;
        double reach = r[q] + slack;
        if (d2 <= reach * reach && d2 <= best) {
          best = d2;
          bestType = type;
          bestQ = q;
        }
      }
    }
    return bestType < 0 ? null : new int[] {bestType, bestQ};
  }

  /** The index of the vesicle with this id in the placed snapshot's type, or -1. */
  int indexOf(int type, long id) {
    Snapshot s = placed;
    if (s == null || type >= s.typeCount()) {
      return -1;
    }
    for (int q = 0; q < counts[type]; q++) {
      if (s.vesicleId(type, q) == id) {
        return q;
      }
    }
    return -1;
  }

  /**
   * Draws the docking flashes of one snapshot: a ring per docking that widens and fades over its
   * life ({@code age} 0..1), at most {@code limit} rings; returns how many it drew.
   */
  static int flashes(
      VesicleRaster raster,
      Snapshot s,
      double[] nodeX,
      double[] nodeY,
      double age,
      double baseRadius,
      int[] typeRgb,
      int limit) {
    if (age < 0 || age >= 1) {
      return 0;
    }
    double radius = baseRadius + 2 + 9 * age;
    int opacity = (int) Math.round(235 * (1 - age) * (1 - age));
    int drawn = 0;
    int n = nodeX.length;
    for (int type = 0; type < s.typeCount() && drawn < limit; type++) {
      int rgb = typeRgb[type % typeRgb.length];
      int m = Math.min(s.dockedCount(type), limit - drawn);
      for (int q = 0; q < m; q++) {
        int node = s.dockedNode(type, q);
        if (node < n) {
          raster.ring(nodeX[node], nodeY[node], radius, rgb, opacity);
          drawn++;
        }
      }
    }
    return drawn;
  }
}
