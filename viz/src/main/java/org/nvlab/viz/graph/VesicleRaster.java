package org.nvlab.viz.graph;

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
  private final int[] lutRgb = new int[16];
  private final int[][] luts = new int[16][];
  private int nextLut;
  private int width;
  private int height;
  private int[] pixels = new int[0];
  private int dirtyX0;
  private int dirtyY0;
  private int dirtyX1;
  private int dirtyY1;

  /**
   * The covered pixels of one dot or ring at one sub-pixel phase: the fully covered ones as runs
   * along rows (offset of the run's first pixel from the centre pixel, and length), written with
   * plain stores; and the partly covered edge pixels one by one with their coverage, blended. Only
   * covered pixels are listed, so a ring costs its line, not its box.
   */
  private record Stamp(
      int half,
      short[] runDx,
      short[] runDy,
      short[] runLength,
      short[] dx,
      short[] dy,
      byte[] coverage) {}

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

  /**
   * Copies this raster's pixels into another of the same size, only the rows and columns either has
   * drawn since its last clear (what this holds now, and what the target still shows); the target
   * then holds exactly this picture and this box.
   *
   * @return the box that changed in the target, {x0, y0, x1, y1} (empty when x1 <= x0)
   */
  int[] copyInto(VesicleRaster target) {
    if (target.width != width || target.height != height) {
      throw new IllegalArgumentException("rasters of different sizes");
    }
    int x0 = Math.min(dirtyX0, target.dirtyX0);
    int y0 = Math.min(dirtyY0, target.dirtyY0);
    int x1 = Math.max(dirtyX1, target.dirtyX1);
    int y1 = Math.max(dirtyY1, target.dirtyY1);
    if (x1 > x0) {
      for (int y = y0; y < y1; y++) {
        System.arraycopy(pixels, y * width + x0, target.pixels, y * width + x0, x1 - x0);
      }
    }
    target.dirtyX0 = dirtyX0;
    target.dirtyY0 = dirtyY0;
    target.dirtyX1 = dirtyX1;
    target.dirtyY1 = dirtyY1;
    return new int[] {x0, y0, x1, y1};
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

  /**
   * A line from (x0, y0) to (x1, y1), drawn as opaque discs of radius r every half pixel (a path
   * under the vesicles; opaque, so where discs overlap the line stays one colour).
   */
  void line(double x0, double y0, double x1, double y1, double r, int rgb) {
    double length = Math.hypot(x1 - x0, y1 - y0);
    if (!(length < 100_000)) {
      return; // NaN or absurd
    }
    int steps = Math.max(1, (int) Math.ceil(length * 2));
    for (int i = 0; i <= steps; i++) {
      double t = i / (double) steps;
      disc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, r, rgb, 255);
    }
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

  private static final int[] IDENTITY = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      IDENTITY[i] = i;
    }
  }

  private int scaledOpacity = -1;
  private final int[] scaledTable = new int[256];

  /** Coverage times opacity / 255, per coverage (kept for the last opacity asked). */
  private int[] scaled(int opacity) {
    if (opacity != scaledOpacity) {
      for (int c = 0; c < 256; c++) {
        scaledTable[c] = div255(c * opacity);
      }
      scaledOpacity = opacity;
    }
    return scaledTable;
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
    int[] lut = lut(rgb);
    int opaque = lut[255];
    int full = opacity; // what a fully covered pixel gets
    int[] cov = opacity == 255 ? IDENTITY : scaled(opacity);
    short[] runDx = stamp.runDx();
    short[] runDy = stamp.runDy();
    short[] runLength = stamp.runLength();
    if (inside) {
      if (opacity == 255) {
        for (int e = 0; e < runLength.length; e++) {
          int p = centre + runDy[e] * w + runDx[e];
          for (int end = p + runLength[e]; p < end; p++) {
            px[p] = opaque;
          }
        }
      } else {
        for (int e = 0; e < runLength.length; e++) {
          int p = centre + runDy[e] * w + runDx[e];
          for (int end = p + runLength[e]; p < end; p++) {
            put(px, p, full, lut);
          }
        }
      }
      for (int e = 0; e < coverage.length; e++) {
        put(px, centre + dy[e] * w + dx[e], cov[coverage[e] & 0xff], lut);
      }
    } else {
      for (int e = 0; e < runLength.length; e++) {
        int yy = iy + runDy[e];
        if (yy < 0 || yy >= height) {
          continue;
        }
        int xa = Math.max(0, ix + runDx[e]);
        int xb = Math.min(w, ix + runDx[e] + runLength[e]);
        for (int xx = xa; xx < xb; xx++) {
          put(px, yy * w + xx, full, lut);
        }
      }
      for (int e = 0; e < coverage.length; e++) {
        int xx = ix + dx[e];
        int yy = iy + dy[e];
        if (xx >= 0 && yy >= 0 && xx < w && yy < height) {
          put(px, yy * w + xx, cov[coverage[e] & 0xff], lut);
        }
      }
    }
  }

  /**
   * Coverage a (0..255) of the source over pixel p: the source's premultiplied value at that
   * coverage comes from the colour's table; over a drawn pixel the destination is scaled by 255 - a
   * two channels at a time (red and blue, then alpha and green, in one multiply each).
   * Premultiplied channels cannot overflow: source channel <= a, scaled destination channel <= 255
   * - a.
   */
  private static void put(int[] px, int p, int a, int[] lut) {
    if (a >= 255) {
      px[p] = lut[255];
    } else if (a > 0) {
      int d = px[p];
      px[p] = d == 0 ? lut[a] : lut[a] + scale(d, 255 - a);
    }
  }

  /** Every channel of premultiplied pixel d times f / 255, rounded. */
  private static int scale(int d, int f) {
    int rb = (d & 0x00ff00ff) * f + 0x00800080;
    rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
    int ag = ((d >>> 8) & 0x00ff00ff) * f + 0x00800080;
    ag = (ag + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
    return ag | rb;
  }

  /** The colour's premultiplied value at each coverage 0..255 (cached for the last few colours). */
  private int[] lut(int rgb) {
    rgb &= 0xffffff;
    for (int i = 0; i < lutRgb.length; i++) {
      if (lutRgb[i] == rgb && luts[i] != null) {
        return luts[i];
      }
    }
    int[] t = new int[256];
    for (int a = 0; a < 256; a++) {
      t[a] =
          (a << 24)
              | (div255(((rgb >>> 16) & 0xff) * a) << 16)
              | (div255(((rgb >>> 8) & 0xff) * a) << 8)
              | div255((rgb & 0xff) * a);
    }
    int slot = nextLut;
    nextLut = (nextLut + 1) % lutRgb.length;
    lutRgb[slot] = rgb;
    luts[slot] = t;
    return t;
  }

  /** x / 255, rounded, for 0 <= x <= 255 * 255. */
  private static int div255(int x) {
    return (x + 128 + ((x + 128) >>> 8)) >>> 8;
  }

  /** The width of the dark rim of {@link #rimmedDisc}, in pixels. */
  static final double RIM_WIDTH = 1.0;

  /**
   * The pixels of a disc with a rim around it, at one sub-pixel phase: the disc's fully covered
   * pixels and the rim's as runs (plain stores of one colour or the other); pixels inside the rim's
   * outer edge that the disc covers in part ({@code mix*}: an opaque mix of the two colours, the
   * pixel below never read); and the outer edge ({@code edge*}: the rim blended at its coverage,
   * then the disc at its own).
   */
  private record RimStamp(
      int half,
      short[] discDx,
      short[] discDy,
      short[] discLength,
      short[] rimDx,
      short[] rimDy,
      short[] rimLength,
      short[] mixDx,
      short[] mixDy,
      byte[] mixCoverage,
      short[] edgeDx,
      short[] edgeDy,
      byte[] edgeRim,
      byte[] edgeDisc) {}

  private final RimStamp[][] rimmed = new RimStamp[MAX_INDEX + 1][];

  /**
   * A filled disc of radius r in colour rgb with an opaque rim {@link #RIM_WIDTH} wide in rimRgb
   * around it: what a disc over a larger disc of the rim's colour gives, in one pass that writes
   * each pixel once.
   */
  void rimmedDisc(double x, double y, double r, int rgb, int rimRgb) {
    if (!(x > -MAX_RADIUS - 4 && x < width + MAX_RADIUS + 4)
        || !(y > -MAX_RADIUS - 4 && y < height + MAX_RADIUS + 4)) {
      return;
    }
    int ri = radiusIndex(r);
    RimStamp[] set = rimmed[ri];
    if (set == null) {
      set = rimmed[ri] = rimStamps(ri);
    }
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    int phx = Math.min(PHASES - 1, (int) ((x - ix) * PHASES));
    int phy = Math.min(PHASES - 1, (int) ((y - iy) * PHASES));
    RimStamp st = set[phy * PHASES + phx];
    int half = st.half();
    boolean inside = ix - half >= 0 && iy - half >= 0 && ix + half < width && iy + half < height;
    if (!inside) {
      // At the image's edge: the two-pass way, clipped pixel by pixel (rare).
      disc(x, y, r + RIM_WIDTH, rimRgb, 255);
      disc(x, y, r, rgb, 255);
      return;
    }
    dirtyX0 = Math.min(dirtyX0, ix - half);
    dirtyY0 = Math.min(dirtyY0, iy - half);
    dirtyX1 = Math.max(dirtyX1, ix + half + 1);
    dirtyY1 = Math.max(dirtyY1, iy + half + 1);
    int[] px = pixels;
    int w = width;
    int centre = iy * w + ix;
    int[] lut = lut(rgb);
    int[] rimLut = lut(rimRgb);
    int colour = lut[255];
    int rim = rimLut[255];
    short[] dx = st.rimDx();
    short[] dy = st.rimDy();
    short[] len = st.rimLength();
    for (int e = 0; e < len.length; e++) {
      int p = centre + dy[e] * w + dx[e];
      for (int end = p + len[e]; p < end; p++) {
        px[p] = rim;
      }
    }
    dx = st.discDx();
    dy = st.discDy();
    len = st.discLength();
    for (int e = 0; e < len.length; e++) {
      int p = centre + dy[e] * w + dx[e];
      for (int end = p + len[e]; p < end; p++) {
        px[p] = colour;
      }
    }
    dx = st.mixDx();
    dy = st.mixDy();
    byte[] c = st.mixCoverage();
    for (int e = 0; e < c.length; e++) {
      int a = c[e] & 0xff;
      px[centre + dy[e] * w + dx[e]] = lut[a] + scale(rim, 255 - a);
    }
    dx = st.edgeDx();
    dy = st.edgeDy();
    byte[] o = st.edgeRim();
    c = st.edgeDisc();
    for (int e = 0; e < o.length; e++) {
      int p = centre + dy[e] * w + dx[e];
      put(px, p, o[e] & 0xff, rimLut);
      put(px, p, c[e] & 0xff, lut);
    }
  }

  private static RimStamp[] rimStamps(int ri) {
    double r = ri / (double) RADIUS_STEPS;
    double in2 = r * r;
    double outer = r + RIM_WIDTH;
    double out2 = outer * outer;
    int half = (int) Math.ceil(outer + 1);
    int side = 2 * half + 1;
    RimStamp[] set = new RimStamp[PHASES * PHASES];
    for (int phy = 0; phy < PHASES; phy++) {
      for (int phx = 0; phx < PHASES; phx++) {
        double cx = (phx + 0.5) / PHASES;
        double cy = (phy + 0.5) / PHASES;
        int[] discCov = new int[side * side];
        int[] outerCov = new int[side * side];
        for (int j = -half; j <= half; j++) {
          for (int i = -half; i <= half; i++) {
            int inHits = 0;
            int outHits = 0;
            for (int b = 0; b < SAMPLES; b++) {
              double sy = j + (b + 0.5) / SAMPLES - cy;
              for (int a = 0; a < SAMPLES; a++) {
                double sx = i + (a + 0.5) / SAMPLES - cx;
                double d2 = sx * sx + sy * sy;
                if (d2 <= in2) {
                  inHits++;
                }
                if (d2 <= out2) {
                  outHits++;
                }
              }
            }
            int k = (j + half) * side + (i + half);
            discCov[k] = (int) Math.round(inHits * 255.0 / (SAMPLES * SAMPLES));
            outerCov[k] = (int) Math.round(outHits * 255.0 / (SAMPLES * SAMPLES));
          }
        }
        Runs disc = new Runs(side);
        Runs rim = new Runs(side);
        short[] mixDx = new short[side * side];
        short[] mixDy = new short[side * side];
        byte[] mixC = new byte[side * side];
        short[] edgeDx = new short[side * side];
        short[] edgeDy = new short[side * side];
        byte[] edgeO = new byte[side * side];
        byte[] edgeC = new byte[side * side];
        int mixes = 0;
        int edges = 0;
        for (int j = -half; j <= half; j++) {
          for (int i = -half; i <= half; i++) {
            int k = (j + half) * side + (i + half);
            int dc = discCov[k];
            int oc = outerCov[k];
            disc.add(i, j, dc == 255);
            rim.add(i, j, oc == 255 && dc == 0);
            if (oc == 255 && dc > 0 && dc < 255) {
              mixDx[mixes] = (short) i;
              mixDy[mixes] = (short) j;
              mixC[mixes++] = (byte) dc;
            } else if (oc > 0 && oc < 255) {
              edgeDx[edges] = (short) i;
              edgeDy[edges] = (short) j;
              edgeO[edges] = (byte) oc;
              edgeC[edges++] = (byte) dc;
            }
          }
          disc.endRow(half + 1, j);
          rim.endRow(half + 1, j);
        }
        set[phy * PHASES + phx] =
            new RimStamp(
                half,
                disc.dx(),
                disc.dy(),
                disc.length(),
                rim.dx(),
                rim.dy(),
                rim.length(),
                Arrays.copyOf(mixDx, mixes),
                Arrays.copyOf(mixDy, mixes),
                Arrays.copyOf(mixC, mixes),
                Arrays.copyOf(edgeDx, edges),
                Arrays.copyOf(edgeDy, edges),
                Arrays.copyOf(edgeO, edges),
                Arrays.copyOf(edgeC, edges));
      }
    }
    return set;
  }

  /** Collects runs of pixels along rows, pixel by pixel, left to right. */
  private static final class Runs {
    private final short[] dx;
    private final short[] dy;
    private final short[] length;
    private int count;
    private int start = Integer.MIN_VALUE;

    Runs(int side) {
      dx = new short[side * (side / 2 + 1)];
      dy = new short[dx.length];
      length = new short[dx.length];
    }

    void add(int i, int j, boolean in) {
      if (in && start == Integer.MIN_VALUE) {
        start = i;
      } else if (!in && start != Integer.MIN_VALUE) {
        endRow(i, j);
      }
    }

    /** Closes an open run before pixel i of row j. */
    void endRow(int i, int j) {
      if (start != Integer.MIN_VALUE) {
        dx[count] = (short) start;
        dy[count] = (short) j;
        length[count++] = (short) (i - start);
        start = Integer.MIN_VALUE;
      }
    }

    short[] dx() {
      return Arrays.copyOf(dx, count);
    }

    short[] dy() {
      return Arrays.copyOf(dy, count);
    }

    short[] length() {
      return Arrays.copyOf(length, count);
    }
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
    short[] runDx = new short[2 * side];
    short[] runDy = new short[2 * side];
    short[] runLength = new short[2 * side];
    for (int phy = 0; phy < PHASES; phy++) {
      for (int phx = 0; phx < PHASES; phx++) {
        // The centre lies inside the centre pixel, at this phase's quarter.
        double cx = (phx + 0.5) / PHASES;
        double cy = (phy + 0.5) / PHASES;
        int count = 0;
        int runs = 0;
        for (int j = -half; j <= half; j++) {
          int runStart = Integer.MIN_VALUE; // the first fully covered pixel of an open run
          for (int i = -half; i <= half + 1; i++) {
            if (i == half + 1) {
              if (runStart != Integer.MIN_VALUE) {
                runDx[runs] = (short) runStart;
                runDy[runs] = (short) j;
                runLength[runs++] = (short) (i - runStart);
              }
              break;
            }
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
            if (cov == 255) {
              if (runStart == Integer.MIN_VALUE) {
                runStart = i;
              }
              continue;
            }
            if (runStart != Integer.MIN_VALUE) {
              runDx[runs] = (short) runStart;
              runDy[runs] = (short) j;
              runLength[runs++] = (short) (i - runStart);
              runStart = Integer.MIN_VALUE;
            }
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
                java.util.Arrays.copyOf(runDx, runs),
                java.util.Arrays.copyOf(runDy, runs),
                java.util.Arrays.copyOf(runLength, runs),
                java.util.Arrays.copyOf(dx, count),
                java.util.Arrays.copyOf(dy, count),
                java.util.Arrays.copyOf(coverage, count));
      }
    }
    return set;
  }
}
