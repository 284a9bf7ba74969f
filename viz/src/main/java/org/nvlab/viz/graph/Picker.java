package org.nvlab.viz.graph;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.nvlab.core.snapshot.Snapshot;

/**
 * What a click in the graph view hits, and what is selected: a vesicle drawn under the pointer
 * (vesicles are drawn on top, and what is hit is what is on screen: the frame the drawing thread
 * last finished), else the nearest node within reach, else nothing.
 *
 * <p>A selected vesicle is kept by type and id, so it can be followed from snapshot to snapshot
 * ({@link #follow}); one that is gone stays selected by id. FX thread only.
 */
final class Picker {
  /** Pixels beyond a vesicle's drawn radius that still hit it. */
  static final double VESICLE_SLACK = 2.5;

  /** Pixels beyond a node's drawn radius that still hit it. */
  static final double NODE_SLACK = 4;

  private final ReadOnlyObjectWrapper<GraphSelection> selection;
  private final GraphCamera camera;
  private final VesicleImage vesicles;

  /**
   * @param bean the view the selection property belongs to
   */
  Picker(Object bean, GraphCamera camera, VesicleImage vesicles) {
    this.selection = new ReadOnlyObjectWrapper<>(bean, "selection", GraphSelection.NONE);
    this.camera = camera;
    this.vesicles = vesicles;
  }

  ReadOnlyObjectProperty<GraphSelection> property() {
    return selection.getReadOnlyProperty();
  }

  GraphSelection selection() {
    return selection.get();
  }

  void select(GraphSelection s) {
    selection.set(Objects.requireNonNull(s));
  }

  /**
   * What is drawn under the pixel (x, y) of the graph area for snapshot {@code s} (the newest): a
   * vesicle, else the nearest node within reach.
   */
  GraphSelection pick(Snapshot s, double x, double y) {
    if (s == null || !camera.ready()) {
      return GraphSelection.NONE;
    }
    VesicleLayer shownLayer = vesicles.shownLayer();
    Snapshot drawn = shownLayer == null ? null : shownLayer.placed();
    if (drawn != null && drawn.graph() == s.graph()) { // what is on screen is what is hit
      int[] v = shownLayer.hit(x, y, VESICLE_SLACK);
      if (v != null) {
        int loc = drawn.vesicleNode(v[0], v[1]);
        return GraphSelection.ofVesicle(v[0], drawn.vesicleId(v[0], v[1]), loc >= 0 ? loc : ~loc);
      }
    }
    int node =
        nearestNode(camera.nodeXs(), camera.nodeYs(), x, y, camera.nodeRadiusPx() + NODE_SLACK);
    return node < 0 ? GraphSelection.NONE : GraphSelection.ofNode(node);
  }

  /** The node drawn nearest to (x, y) within {@code reach} pixels, or -1. */
  static int nearestNode(double[] xs, double[] ys, double x, double y, double reach) {
    int best = -1;
    double bestD2 = reach * reach;
    for (int i = 0; i < xs.length; i++) {
      double dx = xs[i] - x;
      double dy = ys[i] - y;
      double d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = i;
      }
    }
    return best;
  }

  /** Keeps a selected vesicle's node current; a vesicle that is gone stays selected by id. */
  void follow(Snapshot s) {
    GraphSelection sel = selection.get();
    if (sel.isVesicle() && sel.vesicleType() < s.typeCount()) {
      for (int q = 0; q < s.vesicleCount(sel.vesicleType()); q++) {
        if (s.vesicleId(sel.vesicleType(), q) == sel.vesicleId()) {
          int loc = s.vesicleNode(sel.vesicleType(), q);
          int node = loc >= 0 ? loc : ~loc;
          if (node != sel.node()) {
            selection.set(GraphSelection.ofVesicle(sel.vesicleType(), sel.vesicleId(), node));
          }
          return;
        }
      }
    }
  }
}
