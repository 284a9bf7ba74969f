package org.nvlab.viz;

import javafx.scene.paint.Color;

/**
 * The lab's colours, shared by the network view and the charts so that a vesicle type has one
 * colour everywhere. Activations use a diverging blue-white-red scale (ColorBrewer RdBu), so
 * vesicle types take hues away from blue and red.
 */
public final class Palette {
  private Palette() {}

  public static final Color BACKGROUND = Color.web("#15181e");
  public static final Color PANEL = Color.web("#1d2129");
  public static final Color EDGE = Color.web("#8a94a6", 0.35);
  public static final Color TEXT = Color.web("#c9d1dc");
  public static final Color TEXT_DIM = Color.web("#7d8796");

  private static final Color[] TYPES = {
    Color.web("#f5b400"), // amber
    Color.web("#39d353"), // green
    Color.web("#c084fc"), // violet
    Color.web("#22d3ee"), // cyan
    Color.web("#f472b6"), // pink
    Color.web("#a3e635"), // lime
    Color.web("#fb923c"), // orange
    Color.web("#e5e7eb"), // light grey
  };

  private static final Color LOW = Color.web("#2166ac");
  private static final Color MID = Color.web("#f7f7f7");
  private static final Color HIGH = Color.web("#b2182b");
  private static final int STEPS = 64;
  private static final Color[] DIVERGING = new Color[2 * STEPS + 1];

  static {
    for (int s = 0; s <= 2 * STEPS; s++) {
      double t = (s - STEPS) / (double) STEPS;
      DIVERGING[s] = t < 0 ? MID.interpolate(LOW, -t) : MID.interpolate(HIGH, t);
    }
  }

  /** The colour of vesicle type k (cycles after eight types). */
  public static Color type(int k) {
    return TYPES[Math.floorMod(k, TYPES.length)];
  }

  /** The colour of type k for JFreeChart, which paints with AWT colours. */
  public static java.awt.Color awtType(int k) {
    return awt(type(k));
  }

  public static java.awt.Color awt(Color c) {
    return new java.awt.Color(
        (float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
  }

  /**
   * Blue for -1, white for 0, red for +1 (values outside are clamped; NaN is white). Quantised to
   * 129 shades so drawing a frame allocates no colours.
   */
  public static Color diverging(double t) {
    if (!(t >= -1)) {
      t = Double.isNaN(t) ? 0 : -1;
    } else if (t > 1) {
      t = 1;
    }
    return DIVERGING[(int) Math.round(t * STEPS) + STEPS];
  }
}
