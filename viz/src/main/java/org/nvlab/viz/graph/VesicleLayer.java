package org.nvlab.viz.graph;

import org.nvlab.core.snapshot.Snapshot;

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

  /** Forgets what was placed (nothing is drawn, nothing is hit). */
  void forget() {
    placed = null;
    java.util.Arrays.fill(counts, 0);
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
    int bands = (raster.height() >> BAND_SHIFT) + 1;
    if (bandStart.length < bands + 1) {
      bandStart = new int[bands + 1];
    }
    for (int type = 0; type < counts.length; type++) {
      int rgb = typeRgb[type % typeRgb.length];
      float[] x = xs[type];
      float[] y = ys[type];
      float[] r = rs[type];
      int m = counts[type];
      int[] order = byBand(y, m, bands);
      for (int o = 0; o < m; o++) {
        int q = order[o];
        if (q < 0) {
          break; // the rest are off screen
        }
        if (Float.isNaN(x[q])) {
          continue;
        }
        if (s.vesicleNode(type, q) < 0) {
          raster.ring(x[q], y[q], r[q] + 0.4, rgb, 255);
        } else {
          if (halo) {
            raster.rimmedDisc(x[q], y[q], r[q], rgb, haloRgb);
          } else {
            raster.disc(x[q], y[q], r[q], rgb, 255);
          }
        }
      }
    }
  }

  /** Rows per band when vesicles are drawn band by band. */
  private static final int BAND_SHIFT = 4;

  private int[] bandStart = new int[0];
  private int[] order = new int[0];

  /**
   * The indices of the first m vesicles ordered by band of 16 rows (a counting sort, stable within
   * a band), off-screen ones left out (-1 at the end). Drawing in this order keeps the pixels being
   * written within a few cache-sized rows of the image instead of all over it: in scattered order
   * nearly every row of every disc is a cache miss, and the draw is bound by them.
   */
  private int[] byBand(float[] y, int m, int bands) {
    if (order.length < m) {
      order = new int[Math.max(m, order.length + (order.length >> 1))];
    }
    int[] start = bandStart;
    java.util.Arrays.fill(start, 0, bands + 1, 0);
    for (int q = 0; q < m; q++) {
      int b = band(y[q], bands);
      if (b >= 0) {
        start[b + 1]++;
      }
    }
    for (int b = 0; b < bands; b++) {
      start[b + 1] += start[b];
    }
    int kept = start[bands];
    for (int q = 0; q < m; q++) {
      int b = band(y[q], bands);
      if (b >= 0) {
        order[start[b]++] = q;
      }
    }
    java.util.Arrays.fill(order, kept, m, -1);
    return order;
  }

  /** The band of a vesicle drawn at pixel row y, or -1 when it is off screen (or not placed). */
  private static int band(float y, int bands) {
    if (!(y > -VesicleRaster.MAX_RADIUS - 4)) {
      return -1;
    }
    int b = ((int) Math.max(0, y)) >> BAND_SHIFT;
    return b < bands
        ? b
        : (y < (bands << BAND_SHIFT) + VesicleRaster.MAX_RADIUS + 4 ? bands - 1 : -1);
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

  private int[] flashMark = new int[0];
  private int flashGeneration;

  /**
   * Draws the docking flashes of one snapshot: a ring per node and type where vesicles docked,
   * widening and fading over its life ({@code age} 0..1), at most {@code limit} rings; returns how
   * many it drew. Several dockings of one type at one node in one tick make one ring (they would be
   * drawn over one another).
   */
  int flashes(
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
    if (flashMark.length < n) {
      flashMark = new int[n];
      flashGeneration = 0;
    }
    for (int type = 0; type < s.typeCount() && drawn < limit; type++) {
      int rgb = typeRgb[type % typeRgb.length];
      int generation = ++flashGeneration;
      if (generation == 0) { // wrapped around: forget every mark
        java.util.Arrays.fill(flashMark, 0);
        generation = ++flashGeneration;
      }
      int m = s.dockedCount(type);
      for (int q = 0; q < m && drawn < limit; q++) {
        int node = s.dockedNode(type, q);
        if (node >= 0 && node < n && flashMark[node] != generation) {
          flashMark[node] = generation;
          raster.ring(nodeX[node], nodeY[node], radius, rgb, opacity);
          drawn++;
        }
      }
    }
    return drawn;
  }
}
