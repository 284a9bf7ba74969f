package org.nvlab.viz.graph;

/**
 * How the graph view maps graph units (GU, the layout's unit square) to pixels of the view: the
 * same affine map GraphStream's camera applies when it draws (no rotation), read back from the
 * camera after each render, so the vesicle overlay stays aligned under zoom and pan.
 *
 * <pre>
 *   px = width / 2 + scale * (x - centerX)
 *   py = height / 2 - scale * (y - centerY)     (GraphStream's y axis points up)
 * </pre>
 *
 * <p>{@code percent} is GraphStream's view percent: 1 shows the whole graph, smaller values zoom in
 * (the scale is inversely proportional to it).
 *
 * @param scale pixels per graph unit
 * @param centerX graph x at the middle of the view
 * @param centerY graph y at the middle of the view
 * @param width view width in pixels
 * @param height view height in pixels
 * @param percent GraphStream's view percent
 */
public record ViewTransform(
    double scale, double centerX, double centerY, double width, double height, double percent) {

  /** The most the view zooms in (a hundredth of the graph across) and out (four graphs across). */
  public static final double MIN_PERCENT = 0.01;

  public static final double MAX_PERCENT = 4;

  /** True when the camera has drawn once and the map means something. */
  public boolean valid() {
    return scale > 0 && width > 0 && height > 0 && Double.isFinite(scale);
  }

  public double px(double x) {
    return width / 2 + scale * (x - centerX);
  }

  public double py(double y) {
    return height / 2 - scale * (y - centerY);
  }

  public double guX(double px) {
    return centerX + (px - width / 2) / scale;
  }

  public double guY(double py) {
    return centerY - (py - height / 2) / scale;
  }

  /**
   * The view after zooming by {@code factor} (above 1 zooms in) about the pixel (px, py): the graph
   * point under that pixel stays under it. The percent is clamped to [{@link #MIN_PERCENT}, {@link
   * #MAX_PERCENT}].
   */
  public ViewTransform zoomedAt(double px, double py, double factor) {
    double p = Math.max(MIN_PERCENT, Math.min(MAX_PERCENT, percent / factor));
    double s = scale * percent / p;
    double gx = guX(px);
    double gy = guY(py);
    return new ViewTransform(
        s, gx - (px - width / 2) / s, gy + (py - height / 2) / s, width, height, p);
  }

  /** The view after dragging the picture by (dx, dy) pixels. */
  public ViewTransform pannedBy(double dx, double dy) {
    return new ViewTransform(
        scale, centerX - dx / scale, centerY + dy / scale, width, height, percent);
  }
}
