package org.nvlab.viz.graph;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.snapshot.Snapshot;

/**
 * The host network as the graph view draws it, under the vesicles: which graph, where its nodes are
 * ({@link GraphLayout}: the builder's positions, a disc, or a circle until the force-directed
 * layout computed on a worker thread is ready), GraphStream's two views of it ({@link
 * GraphStreamLayers}), the node colours ({@link NodeColours}) and the edge widths.
 *
 * <p>Colours are rewritten at most every {@link #COLOUR_NANOS} (GraphStream's own redraw period),
 * edge widths at most every {@link #WEIGHT_NANOS}: an edge redraw is the expensive one. A reset
 * that rebuilt the same network keeps its layout and views. FX thread only, but for the layout
 * worker, which hands its result back through {@link Platform#runLater}.
 */
final class NetworkLayer {
  /** The largest network drawn; larger ones show a line saying so (the run goes on). */
  static final int NODE_LIMIT = 20_000;

  /** Node colours are rewritten at most this often: GraphStream's own redraw period. */
  static final long COLOUR_NANOS = 40_000_000L;

  /** Edge widths at most once a second: an edge redraw is the expensive one. */
  static final long WEIGHT_NANOS = 1_000_000_000L;

  /** What {@link #show} did with a graph. */
  enum Shown {
    /** The same network as before (a reset): layout and views kept. */
    KEPT,
    /** New views of a new network, at the bottom of the view's children. */
    NEW,
    /** Larger than {@link #NODE_LIMIT}: not drawn. */
    TOO_LARGE
  }

  private final ObservableList<Node> children;
  private final Runnable layoutMoved;
  private Graph graph;
  private GraphLayout layout;
  private int layoutGeneration;
  private ExecutorService layoutWorker;
  private GraphStreamLayers layers;
  private NodeColours colours;
  private float[] weights = new float[0];
  private boolean coloursDue;
  private long lastColours;
  private int weightsVersion;
  private boolean weightsDue;
  private long lastWeights = Long.MIN_VALUE / 2;

  /**
   * @param children the view's children: GraphStream's two panels go first (under everything)
   * @param layoutMoved called on the FX thread when the force-directed layout moved the nodes
   */
  NetworkLayer(ObservableList<Node> children, Runnable layoutMoved) {
    this.children = children;
    this.layoutMoved = layoutMoved;
  }

  /** Shows the network of a new snapshot's graph (or keeps the one shown, if it is the same). */
  Shown show(Graph g) {
    Graph old = graph;
    graph = g;
    if (colours != null) {
      colours.resetPeaks();
    }
    if (layers != null && old != null && sameTopology(old, g)) {
      return Shown.KEPT;
    }
    closeLayers();
    int generation = ++layoutGeneration;
    if (g.nodeCount() > NODE_LIMIT) {
      layout = null;
      return Shown.TOO_LARGE;
    }
    GraphLayout hint = GraphLayout.fromHint(g);
    if (hint != null) {
      layout = hint;
    } else if (!GraphLayout.wantsForceLayout(g)) {
      layout = GraphLayout.disc(g.nodeCount());
    } else {
      layout = GraphLayout.circle(g.nodeCount());
      worker()
          .execute(
              () -> {
                GraphLayout l =
                    GraphLayout.forceDirected(g, GraphLayout.iterationsFor(g.nodeCount()));
                Platform.runLater(
                    () -> {
                      if (generation == layoutGeneration && layers != null) {
                        layout = l;
                        layers.setLayout(l);
                        layoutMoved.run(); // the vesicles follow the nodes to where they now are
                      }
                    });
              });
    }
    layers = new GraphStreamLayers(g, layout);
    children.add(0, layers.edgePanel());
    children.add(1, layers.nodePanel());
    colours = new NodeColours(g.nodeCount());
    weights = new float[g.edgeCount()];
    return Shown.NEW;
  }

  /** Forgets the network (no project open, loading...). */
  void clear() {
    graph = null;
    layout = null;
    layoutGeneration++;
    closeLayers();
  }

  /** Closes GraphStream's viewers and stops the layout worker (FX thread). */
  void dispose() {
    layoutGeneration++;
    closeLayers();
    if (layoutWorker != null) {
      layoutWorker.shutdownNow();
      layoutWorker = null;
    }
  }

  /** A new snapshot: its colours are due, and its weights when they were learned since. */
  void accept(Snapshot s, boolean first) {
    coloursDue = true;
    if (s.hasWeights() && (s.weightsVersion() != weightsVersion || first)) {
      weightsVersion = s.weightsVersion();
      weightsDue = true;
    }
  }

  /** The colours are rewritten at the next frame the colour period allows. */
  void colourSoon() {
    coloursDue = true;
  }

  /** The colours are rewritten at the next frame, whenever they were last. */
  void colourNow() {
    coloursDue = true;
    lastColours = Long.MIN_VALUE / 2;
  }

  /**
   * One frame (FX thread, only while a network is drawn): rewrites the colours and edge widths when
   * due, then lets GraphStream redraw what changed. True when the colours were rewritten.
   */
  boolean update(long now, Snapshot s, GraphOverlays overlays) {
    boolean coloured = false;
    if (coloursDue && now - lastColours >= COLOUR_NANOS) {
      double[] preview = overlays.preview();
      colours.colour(s, preview, preview == null && overlays.showsDensityOf(s));
      layers.setHeat(colours.heat());
      layers.setLevels(colours.levels());
      layers.setSpikes(colours.fired());
      lastColours = now;
      coloursDue = false;
      coloured = true;
    }
    if (weightsDue && now - lastWeights >= WEIGHT_NANOS) {
      int m = Math.min(weights.length, s.graph().edgeCount());
      for (int e = 0; e < m; e++) {
        weights[e] = s.weight(e);
      }
      layers.setWeights(weights);
      lastWeights = now;
      weightsDue = false;
    }
    layers.pump();
    return coloured;
  }

  /** Highlights the selected node in GraphStream's view (none for a vesicle or nothing). */
  void highlight(GraphSelection s) {
    if (layers != null) {
      layers.select(s.isNode() && s.node() < layers.nodeCount() ? s.node() : -1);
    }
  }

  /** Sizes GraphStream's two panels to the graph area. */
  void layoutPanels(double x, double y, double w, double h) {
    if (layers != null) {
      layers.edgePanel().resizeRelocate(x, y, w, h);
      layers.nodePanel().resizeRelocate(x, y, w, h);
    }
  }

  /** The graph of the snapshots shown (drawn or too large), or null. */
  Graph graph() {
    return graph;
  }

  /** The layout in use, or null. */
  GraphLayout layout() {
    return layout;
  }

  /** GraphStream's views, or null when no network is drawn. */
  GraphStreamLayers layers() {
    return layers;
  }

  /** True while a network is drawn. */
  boolean drawn() {
    return layers != null;
  }

  /** The node colours of the network drawn (null before the first). */
  NodeColours colours() {
    return colours;
  }

  /** The GraphStream panel of the nodes (the graph area's coordinates), or null. */
  Region graphPanel() {
    return layers == null ? null : layers.nodePanel();
  }

  private void closeLayers() {
    if (layers != null) {
      children.removeAll(layers.edgePanel(), layers.nodePanel());
      layers.close();
      layers = null;
    }
  }

  private static boolean sameTopology(Graph a, Graph b) {
    return a.nodeCount() == b.nodeCount()
        && Arrays.equals(a.outStart(), b.outStart())
        && Arrays.equals(a.outTarget(), b.outTarget())
        && (a.position() == null
            ? b.position() == null
            : b.position() != null && Arrays.equals(a.position(), b.position()));
  }

  private ExecutorService worker() {
    if (layoutWorker == null) {
      layoutWorker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "nvlab-layout");
                t.setDaemon(true);
                return t;
              });
    }
    return layoutWorker;
  }
}
