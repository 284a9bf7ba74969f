package org.nvlab.viz.graph;

/**
 * What the user clicked in the graph view: nothing, a node, or one vesicle (by type and stable id,
 * so an inspector can follow it from snapshot to snapshot).
 *
 * @param node the selected node, or the node the selected vesicle was at, or -1
 * @param vesicleType the selected vesicle's type, or -1
 * @param vesicleId the selected vesicle's id, or -1
 */
public record GraphSelection(int node, int vesicleType, long vesicleId) {
  public static final GraphSelection NONE = new GraphSelection(-1, -1, -1);

  public static GraphSelection ofNode(int node) {
    return new GraphSelection(node, -1, -1);
  }

  public static GraphSelection ofVesicle(int type, long id, int node) {
    return new GraphSelection(node, type, id);
  }

  public boolean isNode() {
    return node >= 0 && vesicleType < 0;
  }

  public boolean isVesicle() {
    return vesicleType >= 0;
  }

  public boolean isEmpty() {
    return node < 0 && vesicleType < 0;
  }
}
