package org.nvlab.viz.chart;

/**
 * Keeps a live series short: at most {@code maxPoints} points however long the run, by keeping one
 * point per stride of x and doubling the stride (dropping every other kept point) whenever the
 * series is full. The newest value is always shown as a last point, so the line ends at "now".
 *
 * <p>Plain arrays and no toolkit, so the rule is tested without a display.
 */
public final class SeriesDecimator {
  private final int maxPoints;
  private final double[] x;
  private final double[] y;
  private int count;
  private double stride = 1;
  private boolean hasTail;
  private double tailX;
  private double tailY;

  public SeriesDecimator(int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("maxPoints must be at least 4");
    }
    this.maxPoints = maxPoints;
    this.x = new double[maxPoints];
    this.y = new double[maxPoints];
  }

  /** Adds a point; x must not decrease. */
  public void add(double px, double py) {
    if (count > 0 && px < x[count - 1]) {
      throw new IllegalArgumentException("x went back from " + x[count - 1] + " to " + px);
    }
    if (count == 0 || px - x[count - 1] >= stride) {
      if (count == maxPoints - 1) { // one place stays free for the tail
        halve();
      }
      x[count] = px;
      y[count] = py;
      count++;
      hasTail = false;
    } else {
      hasTail = true;
      tailX = px;
      tailY = py;
    }
  }

  private void halve() {
    int kept = 0;
    for (int i = 0; i < count; i += 2) {
      x[kept] = x[i];
      y[kept] = y[i];
      kept++;
    }
    count = kept;
    stride *= 2;
  }

  public void clear() {
    count = 0;
    stride = 1;
    hasTail = false;
  }

  /** Points to draw: the kept ones and the newest value. Never more than maxPoints. */
  public int size() {
    return count + (hasTail ? 1 : 0);
  }

  public double x(int i) {
    return i < count ? x[i] : tailX;
  }

  public double y(int i) {
    return i < count ? y[i] : tailY;
  }

  /** The current spacing of kept points in x. */
  public double stride() {
    return stride;
  }
}
