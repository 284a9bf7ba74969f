package org.nvlab.viz.graph;

import java.util.Arrays;

/**
 * Where the graph view looks: GraphStream's camera, as a {@link ViewTransform} from graph units to
 * pixels of the graph area, and every node's pixel position through it, which the vesicle layer and
 * picking use.
 *
 * <p>Zoom and pan move both GraphStream cameras and take effect here at once, so the vesicles move
 * with the nodes in the same frame; GraphStream redraws at the next one. After each redraw the map
 * is read back from GraphStream ({@link #readBack}), which is how a resize or a fit arrives. FX
 * thread only.
 */
final class GraphCamera {
  private final NetworkLayer network;
  private ViewTransform transform = new ViewTransform(0, 0, 0, 0, 0, 1);
  private double[] nodeX = new double[0];
  private double[] nodeY = new double[0];

  GraphCamera(NetworkLayer network) {
    this.network = network;
  }

  /** A new network of n nodes: positions unknown (NaN) until the camera has drawn once. */
  void reset(int n) {
    nodeX = new double[n];
    nodeY = new double[n];
    Arrays.fill(nodeX, Double.NaN);
    Arrays.fill(nodeY, Double.NaN);
    transform = new ViewTransform(0, 0, 0, 0, 0, 1);
  }

  /** True when a network is drawn and the camera has drawn it once: the map means something. */
  boolean ready() {
    return network.drawn() && transform.valid();
  }

  /**
   * Zooms by {@code factor} (above 1: in) about the pixel (x, y) of the graph area; false when
   * there is nothing to zoom.
   */
  boolean zoomAt(double x, double y, double factor) {
    if (!ready() || !(factor > 0)) {
      return false;
    }
    move(transform.zoomedAt(x, y, factor));
    return true;
  }

  /** Moves the picture by (dx, dy) pixels; false when there is nothing to move. */
  boolean panBy(double dx, double dy) {
    if (!ready()) {
      return false;
    }
    move(transform.pannedBy(dx, dy));
    return true;
  }

  /** Shows the whole network (GraphStream resets its cameras; read back after the redraw). */
  void fit() {
    if (network.drawn()) {
      network.layers().fit();
    }
  }

  private void move(ViewTransform t) {
    network.layers().setView(t);
    transform = t; // GraphStream redraws on the next frame; the overlay follows at once
    placeNodes();
  }

  /**
   * Reads the map GraphStream drew with (after its redraw this frame); true when it moved, so the
   * nodes were placed again.
   */
  boolean readBack() {
    ViewTransform t = network.layers().transform();
    if (t.equals(transform)) {
      return false;
    }
    transform = t;
    placeNodes();
    return true;
  }

  /** Node pixel positions from the layout through the camera. */
  void placeNodes() {
    GraphLayout layout = network.layout();
    if (layout == null || !transform.valid()) {
      return;
    }
    int n = Math.min(layout.nodeCount(), nodeX.length);
    for (int i = 0; i < n; i++) {
      nodeX[i] = transform.px(layout.x(i));
      nodeY[i] = transform.py(1.0 - layout.y(i));
    }
  }

  /** How far the view is zoomed in: 1 shows the whole network, 2 half of it across. */
  double zoom() {
    return transform.percent() > 0 ? 1 / transform.percent() : 1;
  }

  ViewTransform transform() {
    return transform;
  }

  /** Where node i is drawn, in graph-area pixels (NaN before the first frame). */
  double nodeX(int i) {
    return i < nodeX.length ? nodeX[i] : Double.NaN;
  }

  double nodeY(int i) {
    return i < nodeY.length ? nodeY[i] : Double.NaN;
  }

  /** Every node's pixel x (the array itself: copy it before handing it to another thread). */
  double[] nodeXs() {
    return nodeX;
  }

  double[] nodeYs() {
    return nodeY;
  }

  /** A node's radius on screen, in pixels. */
  double nodeRadiusPx() {
    GraphStreamLayers layers = network.layers();
    return layers == null ? 4 : 0.5 * layers.nodeSizeGu() * transform.scale();
  }
}
