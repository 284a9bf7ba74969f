package org.nvlab.viz;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.record.Snapshot;

/**
 * The host network as a picture: edges as thin lines, nodes coloured by activation (blue negative,
 * white zero, red positive, scaled to the recent peak), and vesicles as small dots in their type's
 * colour at the node where they are, rings when docked.
 *
 * <p>One {@link Canvas} in a resizable pane: thousands of moving vesicles are too many for one
 * scene node each. Several vesicles at one node are spread on a small sunflower spiral around it,
 * in the order the snapshot lists them, so the picture is deterministic and a crowd looks like a
 * crowd.
 *
 * <p>Call {@link #show} on the FX thread with each new snapshot; the view keeps the last one to
 * redraw on resize. It never sees the simulation itself.
 */
public final class NetworkView extends Pane {
  /** Beyond this many edges the lines would be a grey fog and cost more than everything else. */
  public static final int EDGE_LIMIT = 20_000;

  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
  private static final double LEGEND_HEIGHT = 26;
  private static final int HALO_LIMIT = 4000;
  private static final Font FONT = Font.font(12);

  private final Canvas edgeCanvas = new Canvas();
  private final Canvas canvas = new Canvas();
  private boolean edgesValid;
  private final Text measure = new Text();
  private Snapshot snapshot;
  private Graph graph;
  private GraphLayout layout;
  private int layoutGeneration;
  private ExecutorService layoutWorker;
  private double[] px = new double[0];
  private double[] py = new double[0];
  private int[] crowd = new int[0];
  private float[] magnitudes = new float[0];
  private double nodeRadius = 4;
  private double peak = 1e-3;
  private String placeholder = "";
  private long lastDrawNanos;

  public NetworkView() {
    getStyleClass().add("network-view");
    measure.setFont(FONT);
    edgeCanvas.setManaged(false);
    canvas.setManaged(false);
    getChildren().addAll(edgeCanvas, canvas);
    setMinSize(0, 0);
    setPrefSize(640, 480);
  }

  /** Draws a new snapshot (FX thread). A snapshot of another graph starts a new layout. */
  public void show(Snapshot s) {
    if (s.graph() != graph) {
      setGraph(s.graph());
    }
    snapshot = s;
    redraw();
  }

  /** Forgets the network and shows a line of text instead (no project open, loading...). */
  public void clear(String text) {
    snapshot = null;
    graph = null;
    layout = null;
    layoutGeneration++;
    placeholder = text;
    edgesValid = false;
    redraw();
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /** The layout in use (the circle until a force-directed one is ready), or null. */
  public GraphLayout graphLayout() {
    return layout;
  }

  /**
   * Wall time of the last redraw, in nanoseconds (FX-thread time, before the GPU or rasteriser).
   */
  public long lastDrawNanos() {
    return lastDrawNanos;
  }

  /** Stops the layout thread, if one was started. */
  public void dispose() {
    layoutGeneration++;
    if (layoutWorker != null) {
      layoutWorker.shutdownNow();
      layoutWorker = null;
    }
  }

  private void setGraph(Graph g) {
    Graph old = graph;
    graph = g;
    peak = 1e-3;
    if (layout != null && old != null && sameTopology(old, g)) {
      return; // a reset rebuilt the same network: keep its layout (and the force layout's work)
    }
    int generation = ++layoutGeneration;
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
                      if (generation == layoutGeneration) {
                        layout = l;
                        placeNodes();
                        redraw();
                      }
                    });
              });
    }
    crowd = new int[g.nodeCount()];
    placeNodes();
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

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      edgeCanvas.setWidth(w);
      edgeCanvas.setHeight(h);
      canvas.setWidth(w);
      canvas.setHeight(h);
      placeNodes();
      redraw();
    }
  }

  /** Maps the layout's unit square into the canvas, leaving room for node discs and the legend. */
  private void placeNodes() {
    edgesValid = false;
    if (layout == null) {
      return;
    }
    int n = layout.nodeCount();
    double w = canvas.getWidth();
    double h = canvas.getHeight() - LEGEND_HEIGHT;
    double area = Math.max(1, w * h);
    nodeRadius = clamp(0.22 * Math.sqrt(area / Math.max(1, n)), 1.5, 9);
    double m = Math.max(16, 3 * nodeRadius);
    double aw = Math.max(1, w - 2 * m);
    double ah = Math.max(1, h - 2 * m);
    double sx = aw;
    double sy = ah;
    double ox = m;
    double oy = m;
    if (layout.keepAspect()) {
      double s = Math.min(aw, ah);
      sx = s;
      sy = s;
      ox = (w - s) / 2;
      oy = (h - s) / 2;
    }
    if (px.length != n) {
      px = new double[n];
      py = new double[n];
    }
    for (int i = 0; i < n; i++) {
      px[i] = ox + layout.x(i) * sx;
      py[i] = oy + layout.y(i) * sy;
    }
  }

  private void redraw() {
    long t0 = System.nanoTime();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    Snapshot s = snapshot;
    boolean drawable = s != null && layout != null && layout.nodeCount() == s.nodeCount();
    if (!edgesValid) {
      drawEdgeLayer(drawable ? s.graph() : null);
    }
    gc.clearRect(0, 0, w, h);
    if (!drawable) {
      gc.setFill(Palette.TEXT_DIM);
      gc.setFont(Font.font(15));
      gc.setTextAlign(TextAlignment.CENTER);
      gc.setTextBaseline(VPos.CENTER);
      gc.fillText(placeholder, w / 2, h / 2);
      lastDrawNanos = System.nanoTime() - t0;
      return;
    }
    drawNodes(gc, s);
    drawVesicles(gc, s);
    drawLegend(gc, s, w, h);
    lastDrawNanos = System.nanoTime() - t0;
  }

  /**
   * The background and the edges, on a canvas of their own under the nodes: they only change when
   * the layout or the size does, and an unchanged canvas costs a copy per frame, not a rasterising
   * of every line (which, in software rendering, took seconds for 20,000 edges).
   */
  private void drawEdgeLayer(Graph g) {
    edgesValid = true;
    GraphicsContext gc = edgeCanvas.getGraphicsContext2D();
    gc.setFill(Palette.BACKGROUND);
    gc.fillRect(0, 0, edgeCanvas.getWidth(), edgeCanvas.getHeight());
    if (g == null || g.edgeCount() > EDGE_LIMIT) {
      return;
    }
    int[] start = g.outStart();
    int[] target = g.outTarget();
    // Thinner and fainter as edges multiply, so thousands read as texture rather than a grey slab.
    double fade = Math.max(0.2, Math.min(1, 3000.0 / g.edgeCount()));
    gc.setStroke(Palette.EDGE.deriveColor(0, 1, 1, fade));
    gc.setLineWidth(g.edgeCount() > 2000 ? 0.5 : 1);
    gc.beginPath();
    for (int i = 0; i < g.nodeCount(); i++) {
      for (int e = start[i]; e < start[i + 1]; e++) {
        int j = target[e];
        gc.moveTo(px[i], py[i]);
        gc.lineTo(px[j], py[j]);
      }
    }
    gc.stroke();
  }

  private void drawNodes(GraphicsContext gc, Snapshot s) {
    int n = s.nodeCount();
    if (magnitudes.length != n) {
      magnitudes = new float[n];
    }
    int finite = 0;
    for (int i = 0; i < n; i++) {
      float a = s.activation(i);
      if (Float.isFinite(a)) {
        magnitudes[finite++] = Math.abs(a);
      }
    }
    // The scale is the 98th percentile of |activation|, so a few input nodes driven far beyond the
    // rest do not wash everything else out. It holds its peak and sinks slowly: colours stay
    // readable for a quiet LIF network (rates near 0.05) and a saturated tanh one (near 1) without
    // flickering from frame to frame.
    double level = finite == 0 ? 0 : select(magnitudes, finite, (int) (0.98 * (finite - 1)));
    peak = Math.max(1e-3, Math.max(level, peak * 0.98));
    double r = nodeRadius;
    for (int i = 0; i < n; i++) {
      gc.setFill(Palette.diverging(s.activation(i) / peak));
      gc.fillOval(px[i] - r, py[i] - r, 2 * r, 2 * r);
    }
  }

  private void drawVesicles(GraphicsContext gc, Snapshot s) {
    int n = s.nodeCount();
    Arrays.fill(crowd, 0);
    double rv = clamp(nodeRadius * 0.45, 1.5, 4);
    int total = 0;
    for (int k = 0; k < s.typeCount(); k++) {
      total += s.vesicleCount(k);
    }
    // A dark halo keeps a dot readable over a pale node; past a few thousand dots it only costs.
    boolean halo = total <= HALO_LIMIT;
    double spacing = 2.3 * rv;
    // Spirals stop at about 2.5 node radii; a larger crowd wraps around and overlaps.
    int perSpiral = Math.max(1, (int) Math.pow(2.6 * Math.max(nodeRadius, rv) / spacing, 2));
    gc.setLineWidth(1.2);
    for (int k = 0; k < s.typeCount(); k++) {
      Color c = Palette.type(k);
      gc.setFill(c);
      gc.setStroke(c);
      int count = s.vesicleCount(k);
      for (int q = 0; q < count; q++) {
        int loc = s.vesicleNode(k, q);
        boolean docked = loc < 0;
        int node = docked ? ~loc : loc;
        if (node >= n) {
          continue;
        }
        int slot = crowd[node]++ % perSpiral;
        double rad = spacing * Math.sqrt(slot + 0.5);
        double angle = slot * GOLDEN_ANGLE + node * 0.9;
        double x = px[node] + rad * Math.cos(angle);
        double y = py[node] + rad * Math.sin(angle);
        if (halo) {
          gc.setFill(Palette.BACKGROUND);
          gc.fillOval(x - rv - 1, y - rv - 1, 2 * rv + 2, 2 * rv + 2);
          gc.setFill(c);
        }
        if (docked) {
          gc.strokeOval(x - rv + 0.6, y - rv + 0.6, 2 * rv - 1.2, 2 * rv - 1.2);
        } else {
          gc.fillOval(x - rv, y - rv, 2 * rv, 2 * rv);
        }
      }
    }
  }

  private void drawLegend(GraphicsContext gc, Snapshot s, double w, double h) {
    double y = h - LEGEND_HEIGHT / 2;
    gc.setFont(FONT);
    gc.setTextBaseline(VPos.CENTER);
    gc.setTextAlign(TextAlignment.LEFT);
    double x = 12;
    for (int k = 0; k < s.typeCount(); k++) {
      gc.setFill(Palette.type(k));
      gc.fillOval(x, y - 4, 8, 8);
      gc.setFill(Palette.TEXT);
      String label = s.typeNames().get(k) + "  " + s.population(k);
      gc.fillText(label, x + 13, y);
      x += 13 + textWidth(label) + 18;
    }
    gc.setStroke(Palette.TEXT_DIM);
    gc.setLineWidth(1.2);
    gc.strokeOval(x, y - 4, 8, 8);
    gc.setFill(Palette.TEXT_DIM);
    gc.fillText("docked", x + 13, y);

    double barW = 110;
    String high = String.format("+%.2g", peak);
    double bx = w - barW - textWidth(high) - 18;
    String low = String.format("activation   -%.2g", peak);
    if (bx - textWidth(low) > x + 80) {
      gc.setFill(
          new LinearGradient(
              bx,
              0,
              bx + barW,
              0,
              false,
              CycleMethod.NO_CYCLE,
              new Stop(0, Palette.diverging(-1)),
              new Stop(0.5, Palette.diverging(0)),
              new Stop(1, Palette.diverging(1))));
      gc.fillRect(bx, y - 4, barW, 8);
      gc.setFill(Palette.TEXT_DIM);
      gc.setTextAlign(TextAlignment.RIGHT);
      gc.fillText(low, bx - 5, y);
      gc.setTextAlign(TextAlignment.LEFT);
      gc.fillText(high, bx + barW + 5, y);
    }
  }

  /** The k-th smallest of a[0..n-1] (quickselect; reorders a). */
  static float select(float[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private double textWidth(String text) {
    measure.setText(text);
    return measure.getLayoutBounds().getWidth();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
