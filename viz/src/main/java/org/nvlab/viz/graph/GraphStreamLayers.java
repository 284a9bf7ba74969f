package org.nvlab.viz.graph;

import java.util.EnumSet;
import java.util.Locale;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.GraphMetrics;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;
import org.nvlab.core.graph.Graph;
import org.nvlab.viz.Palette;

/**
 * The host graph as GraphStream draws it: the edges (width by |weight|, colour by sign) in one
 * view, and the nodes (colour by activation, spike or density) in a second, transparent view
 * stacked over it, both looking through the same camera.
 *
 * <p>Two views because of what each costs to draw: under Prism's software pipeline a GraphStream
 * redraw of 1,000 nodes and 4,000 edges took the render thread about 190 ms (5 frames/s) and almost
 * all of it was the edges; the nodes alone drew at 60 frames/s. Node colours change with every
 * snapshot, edges only when the camera moves or the weights are learned, so the edge view is
 * redrawn only then.
 *
 * <p>Node colours are a {@code dyn-plain} fill and one {@code ui.color} value per node, quantised
 * to {@link #LEVELS} levels and written only when a node's level changes (writing all 1,000 costs
 * about 0.8 ms). Spiking nodes take the class {@code spike}; the selected node GraphStream's own
 * {@code ui.selected}. Two invisible anchor nodes at (0, 0) and (1, 1) fix both graphs' bounds to
 * the layout's unit square, so both cameras fit the same way (and a one-node graph has a size).
 *
 * <p>FX thread only. GraphStream's mouse and keyboard handlers are replaced by none: the graph view
 * does zoom, pan and selection itself, for both cameras at once.
 */
final class GraphStreamLayers {
  /** Colour levels per node (the {@code ui.color} values are level / (LEVELS - 1)). */
  static final int LEVELS = 64;

  /** Beyond this many edges GraphStream's edge view would take seconds per redraw: not drawn. */
  static final int EDGE_LIMIT = 20_000;

  /** Edge width classes by |weight| (relative to the 95th percentile of |weight|). */
  static final int WIDTH_CLASSES = 5;

  static final double PADDING_PX = 28;

  private static final Float[] LEVEL_VALUES = new Float[LEVELS];
  private static final String[] EDGE_CLASSES = new String[2 * WIDTH_CLASSES];

  static {
    for (int l = 0; l < LEVELS; l++) {
      LEVEL_VALUES[l] = l / (float) (LEVELS - 1);
    }
    for (int c = 0; c < WIDTH_CLASSES; c++) {
      EDGE_CLASSES[c] = "p" + c;
      EDGE_CLASSES[WIDTH_CLASSES + c] = "n" + c;
    }
  }

  private static final MouseManager NO_MOUSE =
      new MouseManager() {
        @Override
        public void init(GraphicGraph graph, View view) {}

        @Override
        public void release() {}

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
          return EnumSet.noneOf(InteractiveElement.class);
        }
      };

  private static final ShortcutManager NO_KEYS =
      new ShortcutManager() {
        @Override
        public void init(GraphicGraph graph, View view) {}

        @Override
        public void release() {}
      };

  private final int n;
  private final double nodeSizeGu;
  private final MultiGraph nodeGraph = new MultiGraph("nodes", false, false);
  private final MultiGraph edgeGraph = new MultiGraph("edges", false, false);
  private final DrivenViewer nodeViewer;
  private final DrivenViewer edgeViewer;
  private final FxDefaultView nodeView;
  private final FxDefaultView edgeView;
  private final int[] edgeIndex; // GraphStream edge index per host edge id, or -1 (not drawn)
  private final int drawnEdges;
  private final byte[] level;
  private final boolean[] spiking;
  private final byte[] edgeClass;
  private boolean heat;
  private int selected = -1;
  private boolean closed;

  GraphStreamLayers(Graph g, GraphLayout layout) {
    n = g.nodeCount();
    nodeSizeGu = nodeSizeGu(n);
    level = new byte[n];
    java.util.Arrays.fill(level, (byte) -1);
    spiking = new boolean[n];
    for (int i = 0; i < n; i++) {
      nodeGraph.addNode(Integer.toString(i));
      edgeGraph.addNode(Integer.toString(i));
    }
    for (MultiGraph mg : new MultiGraph[] {nodeGraph, edgeGraph}) {
      mg.addNode("anchor0").setAttribute("ui.class", "anchor");
      mg.addNode("anchor1").setAttribute("ui.class", "anchor");
      mg.getNode("anchor0").setAttribute("xyz", 0.0, 0.0, 0.0);
      mg.getNode("anchor1").setAttribute("xyz", 1.0, 1.0, 0.0);
    }
    setLayout(layout);
    int m = g.edgeCount();
    edgeIndex = new int[m];
    edgeClass = new byte[m];
    java.util.Arrays.fill(edgeIndex, -1);
    int drawn = 0;
    if (m <= EDGE_LIMIT) {
      for (int e = 0; e < m; e++) {
        int i = g.source(e);
        int j = g.target(e);
        if (i != j) { // self-loops would be drawn as loops over the node: left out
          edgeGraph.addEdge("e" + e, i, j, false);
          edgeIndex[e] = drawn++;
        }
      }
    }
    drawnEdges = drawn;
    edgeGraph.setAttribute("ui.stylesheet", edgeSheet());
    nodeGraph.setAttribute("ui.stylesheet", nodeSheet(false));
    edgeViewer = new DrivenViewer(edgeGraph);
    nodeViewer = new DrivenViewer(nodeGraph);
    edgeView = view(edgeViewer);
    nodeView = view(nodeViewer);
    edgeView.setMouseTransparent(true); // the node view above takes the mouse for both
    // The node view's background is transparent (fill-mode: none), and GraphStream then never
    // clears its canvas: after a resize, a zoom or a pan the old nodes would stay drawn. Its back
    // layer (drawn before the nodes, every redraw) clears the whole canvas.
    nodeView.setBackLayerRenderer(
        (gc, graph, px2gu, w, h, minX, minY, maxX, maxY) -> {
          gc.save();
          gc.setTransform(new javafx.scene.transform.Affine());
          gc.clearRect(0, 0, gc.getCanvas().getWidth(), gc.getCanvas().getHeight());
          gc.restore();
        });
  }

  private static FxDefaultView view(DrivenViewer viewer) {
    viewer.disableAutoLayout();
    FxDefaultView v = (FxDefaultView) viewer.addDefaultView(false);
    v.setMouseManager(NO_MOUSE);
    v.setShortcutManager(NO_KEYS);
    v.setMinSize(0, 0);
    v.setFocusTraversable(false);
    return v;
  }

  /** Node diameter in graph units: smaller as nodes multiply, as the old picture did. */
  static double nodeSizeGu(int n) {
    return Math.max(0.006, Math.min(0.045, 0.5 / Math.sqrt(Math.max(1, n))));
  }

  double nodeSizeGu() {
    return nodeSizeGu;
  }

  int nodeCount() {
    return n;
  }

  /** Edges GraphStream draws (self-loops and graphs over {@link #EDGE_LIMIT} edges: none). */
  int drawnEdges() {
    return drawnEdges;
  }

  Region edgePanel() {
    return edgeView;
  }

  Region nodePanel() {
    return nodeView;
  }

  /** Places every node where the layout says (y flipped: GraphStream's y axis points up). */
  void setLayout(GraphLayout layout) {
    for (int i = 0; i < n; i++) {
      double x = layout.x(i);
      double y = 1.0 - layout.y(i);
      nodeGraph.getNode(i).setAttribute("xyz", x, y, 0.0);
      edgeGraph.getNode(i).setAttribute("xyz", x, y, 0.0);
    }
  }

  /** Switches the node colour scale: the density heat scale or the activation one. */
  void setHeat(boolean on) {
    if (on != heat) {
      heat = on;
      nodeGraph.removeAttribute("ui.stylesheet");
      nodeGraph.setAttribute("ui.stylesheet", nodeSheet(on));
    }
  }

  boolean heat() {
    return heat;
  }

  /**
   * Sets node i's colour level (0..LEVELS-1) when it changed; returns how many nodes changed.
   * {@code levels} holds one level per node.
   */
  int setLevels(byte[] levels) {
    int changed = 0;
    for (int i = 0; i < n; i++) {
      byte l = levels[i];
      if (l != level[i]) {
        level[i] = l;
        nodeGraph.getNode(i).setAttribute("ui.color", LEVEL_VALUES[l]);
        changed++;
      }
    }
    return changed;
  }

  /** Marks the nodes that fired (class {@code spike}); only changes are written. */
  void setSpikes(boolean[] fired) {
    for (int i = 0; i < n; i++) {
      if (fired[i] != spiking[i]) {
        spiking[i] = fired[i];
        if (fired[i]) {
          nodeGraph.getNode(i).setAttribute("ui.class", "spike");
        } else {
          nodeGraph.getNode(i).removeAttribute("ui.class");
        }
      }
    }
  }

  /** The level GraphStream was last given for node i, or -1. */
  int level(int i) {
    return level[i];
  }

  /**
   * Edge width classes from the weights: |w| against the 95th percentile of |w| in {@link
   * #WIDTH_CLASSES} steps, colour by sign. Only changed classes are written.
   */
  void setWeights(float[] weight) {
    if (drawnEdges == 0) {
      return;
    }
    float[] abs = new float[weight.length];
    for (int e = 0; e < weight.length; e++) {
      abs[e] = Math.abs(weight[e]);
    }
    float scale = Percentile.quantile(abs, abs.length, 0.95);
    for (int e = 0; e < weight.length; e++) {
      if (edgeIndex[e] < 0) {
        continue;
      }
      float w = weight[e];
      int c =
          scale > 0 ? Math.min(WIDTH_CLASSES - 1, (int) (WIDTH_CLASSES * Math.abs(w) / scale)) : 2;
      byte cls = (byte) ((w < 0 ? WIDTH_CLASSES : 0) + c + 1); // 0: not set yet
      if (cls != edgeClass[e]) {
        edgeClass[e] = cls;
        edgeGraph.getEdge(edgeIndex[e]).setAttribute("ui.class", EDGE_CLASSES[cls - 1]);
      }
    }
  }

  /** The width class written for host edge e (1..2 * WIDTH_CLASSES), or 0 when not drawn. */
  int edgeClass(int e) {
    return edgeClass[e];
  }

  /** Highlights one node (GraphStream's {@code ui.selected}), or none with -1. */
  void select(int node) {
    if (node == selected) {
      return;
    }
    if (selected >= 0) {
      nodeGraph.getNode(selected).removeAttribute("ui.selected");
    }
    selected = node;
    if (node >= 0) {
      nodeGraph.getNode(node).setAttribute("ui.selected");
    }
  }

  /** Redraws what changed (FX thread): the nodes after colour changes, both after camera moves. */
  void pump() {
    if (!closed) {
      edgeViewer.pump();
      nodeViewer.pump();
    }
  }

  /** The camera's map from graph units to pixels, as of the last redraw. */
  ViewTransform transform() {
    Camera c = nodeView.getCamera();
    GraphMetrics m = c.getMetrics();
    Point3 centre = c.getViewCenter();
    return new ViewTransform(
        m.ratioPx2Gu, centre.x, centre.y, m.viewport[2], m.viewport[3], c.getViewPercent());
  }

  /** Moves both cameras (zoom and pan). */
  void setView(ViewTransform t) {
    for (FxDefaultView v : new FxDefaultView[] {nodeView, edgeView}) {
      Camera c = v.getCamera();
      c.setViewPercent(t.percent());
      c.setViewCenter(t.centerX(), t.centerY(), 0);
    }
  }

  /** Shows the whole graph again. */
  void fit() {
    nodeView.getCamera().resetView();
    edgeView.getCamera().resetView();
  }

  /** Closes both viewers (FX thread); the layers draw nothing afterwards. */
  void close() {
    if (!closed) {
      closed = true;
      nodeViewer.close();
      edgeViewer.close();
    }
  }

  boolean closed() {
    return closed;
  }

  private String nodeSheet(boolean heat) {
    String size = String.format(Locale.ROOT, "%.5fgu", nodeSizeGu);
    String big = String.format(Locale.ROOT, "%.5fgu", nodeSizeGu * 1.35);
    String fill =
        heat
            ? "#000004, #3b0f70, #8c2981, #de4968, #fe9f6d, #fcfdbf"
            : css(Palette.diverging(-1))
                + ", "
                + css(Palette.diverging(0))
                + ", "
                + css(Palette.diverging(1));
    return "graph { fill-mode: none; padding: "
        + (int) PADDING_PX
        + "px; }"
        + " node { size: "
        + size
        + "; shape: circle; fill-mode: dyn-plain; fill-color: "
        + fill
        + "; stroke-mode: plain; stroke-color: "
        + css(Palette.BACKGROUND)
        + "; stroke-width: 0.6px; }"
        + " node.spike { fill-mode: plain; fill-color: #ffe45c; size: "
        + big
        + "; }"
        + " node:selected { stroke-mode: plain; stroke-color: #ffffff; stroke-width: 2.5px; }"
        + " node.anchor { size: 0px; fill-mode: none; stroke-mode: none; }";
  }

  private static String edgeSheet() {
    StringBuilder b = new StringBuilder();
    b.append("graph { fill-color: ")
        .append(css(Palette.BACKGROUND))
        .append("; padding: ")
        .append((int) PADDING_PX)
        .append("px; }");
    b.append(" node { size: 0px; fill-mode: none; stroke-mode: none; }");
    b.append(" edge { shape: line; arrow-shape: none; size: 0.6px; fill-color: ")
        .append(rgba(Palette.EDGE, 0.35))
        .append("; }");
    Color positive = Color.web("#a3acbb");
    Color negative = Color.web("#6f9be0");
    for (int c = 0; c < WIDTH_CLASSES; c++) {
      double width = 0.5 + 0.6 * c;
      double alpha = 0.22 + 0.16 * c;
      b.append(String.format(Locale.ROOT, " edge.p%d { size: %.1fpx; fill-color: ", c, width))
          .append(rgba(positive, alpha))
          .append("; }");
      b.append(String.format(Locale.ROOT, " edge.n%d { size: %.1fpx; fill-color: ", c, width))
          .append(rgba(negative, alpha))
          .append("; }");
    }
    return b.toString();
  }

  /** A colour in GraphStream's style sheet syntax. */
  static String css(Color c) {
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }

  private static String rgba(Color c, double alpha) {
    return String.format(
        Locale.ROOT,
        "rgba(%d,%d,%d,%d)",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255),
        Math.round(alpha * 255));
  }
}
