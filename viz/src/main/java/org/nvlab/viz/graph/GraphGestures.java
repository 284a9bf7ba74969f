package org.nvlab.viz.graph;

import javafx.scene.input.MouseButton;

/**
 * What the mouse does in the graph view: the wheel zooms about the pointer, a drag (beyond 4
 * pixels) pans, a click selects what it hits ({@link Picker}), and a double-click on nothing shows
 * the whole network. GraphStream's own mouse handling is off ({@link GraphStreamLayers}), so these
 * move both of its cameras and the vesicles together. FX thread only.
 */
final class GraphGestures {
  /** Pixels the pointer moves, button down, before a press becomes a drag. */
  static final double DRAG_SLOP = 4;

  private final GraphView view;
  private final Picker picker;
  private double pressX;
  private double pressY;
  private double dragX;
  private double dragY;
  private boolean dragging;

  GraphGestures(GraphView view, Picker picker) {
    this.view = view;
    this.picker = picker;
  }

  /** Sets the view's mouse handlers (the view's own pixels; the graph area starts below). */
  void install() {
    view.setOnScroll(
        e -> {
          if (e.getDeltaY() != 0) {
            view.zoomAt(e.getX(), e.getY() - view.graphTop(), Math.pow(1.2, e.getDeltaY() / 40.0));
            e.consume();
          }
        });
    view.setOnMousePressed(
        e -> {
          pressX = e.getX();
          pressY = e.getY();
          dragX = pressX;
          dragY = pressY;
          dragging = false;
        });
    view.setOnMouseDragged(
        e -> {
          if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_SLOP) {
            dragging = true;
          }
          if (dragging) {
            view.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
          }
        });
    view.setOnMouseReleased(
        e -> {
          double y = e.getY() - view.graphTop();
          if (!dragging
              && e.getButton() == MouseButton.PRIMARY
              && y >= 0
              && y < view.graphHeight()) {
            GraphSelection hit = picker.pick(view.snapshot(), e.getX(), y);
            if (e.getClickCount() == 2 && hit.isEmpty()) {
              view.fitView();
            } else {
              view.select(hit);
            }
          }
          dragging = false;
        });
  }
}
