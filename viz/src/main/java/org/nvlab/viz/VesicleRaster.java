package org.nvlab.viz;

import java.util.Arrays;

/**
 * Antialiased dots and rings drawn straight into an array of premultiplied ARGB pixels, for the
 * vesicle layer of the graph view.
 *
 * <p>Why not Canvas ovals: under Prism's software pipeline (Xvfb, remote desktops) 100,000 {@code
 * fillOval} calls cost the FX thread only 2 ms but took the render thread 190 ms per frame (5
 * frames/s), while writing the same dots into an image and uploading it ran at 59 frames/s. So the
 * FX thread draws here, and the render thread copies one image.
 *
 * <p>Each dot or ring is a precomputed coverage stamp (8 x 8 samples per pixel, radius in quarter
 * pixels, position in quarter pixels so slow movement is smooth), made on first use and kept. The
 * pixels drawn since the last {@link #clear} are tracked as a box, and only that box is cleared.
 */
final class VesicleRaster {
  /** Sub-pixel positions per axis, and radius steps per pixel. */
  static final int PHASES = 4;

  static final int RADIUS_STEPS = 4;

  /** The largest radius drawn (pixels); larger ones are drawn at this size. */
  static final double MAX_RADIUS = 24;

  /** The width of a ring's line, in pixels. */
  static final double RING_WIDTH = 1.4;

  private static final int SAMPLES = 8;
  private static final int MAX_INDEX = (int) (MAX_RADIUS * RADIUS_STEPS);

  private final Stamp[][] discs = new Stamp[MAX_INDEX + 1][];
  private final Stamp[][] rings = new Stamp[MAX_INDEX + 1][];
  private int width;
  private int height;
  private int[] pixels = new int[0];
  private int dirtyX0;
  private int dirtyY0;
  private int dirtyX1;
  private int dirtyY1;

  /**
   * The covered pixels of one dot or ring at one sub-pixel phase, row by row: offsets from the
   * centre pixel and coverage. Only covered pixels are listed, so a ring costs its line, not its
   * box.
   */
  private record Stamp(int half, short[] dx, short[] dy, byte[] coverage) {}

  VesicleRaster(int width, int height) {
    resize(width, height);
  }

  /** New, transparent pixels of this size (the old array is dropped). */
  void resize(int w, int h) {
    width = Math.max(1, w);
    height = Math.max(1, h);
    pixels = new int[width * height];
    emptyBox();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The pixels, row by row, premultiplied ARGB (the array handed to the image). */
  int[] pixels() {
    return pixels;
  }

  /** Makes transparent every pixel drawn since the last clear. */
  void clear() {
    if (dirtyX1 > dirtyX0) {
      for (int y = dirtyY0; y < dirtyY1; y++) {
        Arrays.fill(pixels, y * width + dirtyX0, y * width + dirtyX1, 0);
      }
    }
    emptyBox();
  }

  private void emptyBox() {
    dirtyX0 = width;
    dirtyY0 = height;
    dirtyX1 = 0;
    dirtyY1 = 0;
  }

  /** A filled disc of radius r centred at (x, y), colour rgb (0xRRGGBB), opacity 0..255. */
  void disc(double x, double y, double r, int rgb, int opacity) {
    int ri = radiusIndex(r);
    Stamp[] set = discs[ri];
    if (set == null) {
      set = discs[ri] = stamps(ri, false);
    }
    draw(set, x, y, rgb, opacity);
  }

  /** A ring (a circle's line, {@link #RING_WIDTH} wide) of radius r centred at (x, y). */
  void ring(double x, double y, double r, int rgb, int opacity) {
    int ri = radiusIndex(r);
    Stamp[] set = rings[ri];
    if (set == null) {
      set = rings[ri] = stamps(ri, true);
    }
    draw(set, x, y, rgb, opacity);
  }

  private static int radiusIndex(double r) {
    int ri = (int) Math.round(r * RADIUS_STEPS);
    return ri < 1 ? 1 : Math.min(ri, MAX_INDEX);
  }

  private void draw(Stamp[] set, double x, double y, int rgb, int opacity) {
    if (!(x > -MAX_RADIUS - 4 && x < width + MAX_RADIUS + 4)
        || !(y > -MAX_RADIUS - 4 && y < height + MAX_RADIUS + 4)) {
      return; // off screen (or NaN)
    }
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    int phx = Math.min(PHASES - 1, (int) ((x - ix) * PHASES));
    int phy = Math.min(PHASES - 1, (int) ((y - iy) * PHASES));
    Stamp stamp = set[phy * PHASES + phx];
    int half = stamp.half();
    int x0 = Math.max(0, ix - half);
    int y0 = Math.max(0, iy - half);
    int x1 = Math.min(width, ix + half + 1);
    int y1 = Math.min(height, iy + half + 1);
    if (x0 >= x1 || y0 >= y1) {
      return;
    }
    dirtyX0 = Math.min(dirtyX0, x0);
    dirtyY0 = Math.min(dirtyY0, y0);
    dirtyX1 = Math.max(dirtyX1, x1);
    dirtyY1 = Math.max(dirtyY1, y1);
    boolean inside = ix - half >= 0 && iy - half >= 0 && ix + half < width && iy + half < height;
    short[] dx = stamp.dx();
    short[] dy = stamp.dy();
    byte[] coverage = stamp.coverage();
    int[] px = pixels;
    int w = width;
    int centre = iy * w + ix;
    int opaque = 0xff000000 | (rgb & 0xffffff);
    if (inside) {
      for (int e = 0; e < coverage.length; e++) {
        put(px, centre + dy[e] * w + dx[e], coverage[e] & 0xff, opacity, rgb, opaque);
      }
    } else {
      for (int e = 0; e < coverage.length; e++) {
        int xx = ix + dx[e];
        int yy = iy + dy[e];
        if (xx >= 0 && yy >= 0 && xx < w && yy < height) {
          put(px, yy * w + xx, coverage[e] & 0xff, opacity, rgb, opaque);
        }
      }
    }
  }

  private static void put(int[] px, int p, int cov, int opacity, int rgb, int opaque) {
    int a = opacity == 255 ? cov : div255(cov * opacity);
    if (a >= 255) {
      px[p] = opaque;
    } else if (a > 0) {
      int d = px[p];
      px[p] = d == 0 ? premultiplied(rgb, a) : blend(d, rgb, a);
    }
  }

  /** Colour rgb at opacity a on a transparent pixel. */
  private static int premultiplied(int rgb, int a) {
    return (a << 24)
        | (div255(((rgb >>> 16) & 0xff) * a) << 16)
        | (div255(((rgb >>> 8) & 0xff) * a) << 8)
        | div255((rgb & 0xff) * a);
  }

  /** Source colour rgb at opacity a (1..254) over the premultiplied pixel d. */
  private static int blend(int d, int rgb, int a) {
    int inv = 255 - a;
    int oa = a + div255((d >>> 24) * inv);
    int or = div255(((rgb >>> 16) & 0xff) * a) + div255(((d >>> 16) & 0xff) * inv);
    int og = div255(((rgb >>> 8) & 0xff) * a) + div255(((d >>> 8) & 0xff) * inv);
    int ob = div255((rgb & 0xff) * a) + div255((d & 0xff) * inv);
    return (oa << 24) | (or << 16) | (og << 8) | ob;
  }

  /** x / 255, rounded, for 0 <= x <= 255 * 255. */
  private static int div255(int x) {
    return (x + 128 + ((x + 128) >>> 8)) >>> 8;
  }

  /** The coverage stamps of one radius, one per sub-pixel phase. */
  private static Stamp[] stamps(int ri, boolean ring) {
    double r = ri / (double) RADIUS_STEPS;
    double inner = ring ? Math.max(0, r - RING_WIDTH / 2) : -1;
    double outer = ring ? r + RING_WIDTH / 2 : r;
    double in2 = inner < 0 ? -1 : inner * inner;
    double out2 = outer * outer;
    int half = (int) Math.ceil(outer + 1);
    int side = 2 * half + 1;
    Stamp[] set = new Stamp[PHASES * PHASES];
    short[] dx = new short[side * side];
    short[] dy = new short[side * side];
    byte[] coverage = new byte[side * side];
    for (int phy = 0; phy < PHASES; phy++) {
      for (int phx = 0; phx < PHASES; phx++) {
        // The centre lies inside the centre pixel, at this phase's quarter.
        double cx = (phx + 0.5) / PHASES;
        double cy = (phy + 0.5) / PHASES;
        int count = 0;
        for (int j = -half; j <= half; j++) {
          for (int i = -half; i <= half; i++) {
            int hits = 0;
            for (int b = 0; b < SAMPLES; b++) {
              double sy = j + (b + 0.5) / SAMPLES - cy;
              for (int a = 0; a < SAMPLES; a++) {
                double sx = i + (a + 0.5) / SAMPLES - cx;
                double d2 = sx * sx + sy * sy;
                if (d2 <= out2 && d2 > in2) {
                  hits++;
                }
              }
            }
            int cov = (int) Math.round(hits * 255.0 / (SAMPLES * SAMPLES));
            if (cov > 0) {
              dx[count] = (short) i;
              dy[count] = (short) j;
              coverage[count] = (byte) cov;
              count++;
            }
          }
        }
        set[phy * PHASES + phx] =
            new Stamp(
                half,
                java.util.Arrays.copyOf(dx, count),
                java.util.Arrays.copyOf(dy, count),
                java.util.Arrays.copyOf(coverage, count));
      }
    }
    return set;
  }
}
