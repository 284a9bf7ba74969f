package org.nvlab.viz.graph;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.Palette;

/**
 * The host network and its vesicles, live: GraphStream draws the graph (deterministic layout, node
 * colour by activation, by spike for a LIF host, or by the density model's rho; edge width by
 * |weight|), and an image stacked over it shows every kept vesicle moving along its edge between
 * snapshots, coloured by type, sized by payload length, a ring when docked, a widening ring where
 * one docked.
 *
 * <p>Hand it snapshots on the FX thread ({@link #show}); it draws on its own animation timer, every
 * pulse while vesicles are moving, and otherwise only when something changed. It never sees the
 * simulation: everything it draws, including where each vesicle came from, is in the snapshot, made
 * on the engine thread. The vesicle overlay maps graph units to pixels through GraphStream's camera
 * ({@link ViewTransform}), so zoom (wheel), pan (drag) and fit (double-click, or the Fit button)
 * move both together.
 *
 * <p>Clicking selects the vesicle drawn under the pointer, else the nearest node within reach
 * ({@link #selectionProperty}, for an inspector). The Density toggle asks for the density model's
 * rho of the chosen type instead of activations ({@link #densityTypeProperty}: whoever runs the
 * engine steps the model and puts rho in the snapshots); a snapshot that says why there is no
 * density gets its reason shown in the view.
 *
 * <p>This pane composes the parts and runs the frame: {@link NetworkLayer} (the graph, its layout
 * and colours), {@link VesicleImage} (the vesicles), {@link GraphCamera} (zoom, pan, fit, node
 * pixels), {@link Picker} (clicks and the selection), {@link GraphOverlays} (density, preview,
 * path, banner) and {@link GraphLegend}.
 */
public final class GraphView extends Region {
  /** The largest network drawn; larger ones show a line saying so (the run goes on). */
  public static final int NODE_LIMIT = NetworkLayer.NODE_LIMIT;

  private final Label placeholder = new Label();
  private final Button fitButton = new Button("Fit");
  private final NetworkLayer network = new NetworkLayer(getChildren(), this::layoutMoved);
  private final GraphCamera camera = new GraphCamera(network);
  private final VesicleImage vesicles = new VesicleImage();
  private final Picker picker = new Picker(this, camera, vesicles);
  private final GraphOverlays overlays = new GraphOverlays(this, this::densityAsked);
  private final GraphLegend legend = new GraphLegend();
  private final HBox tools =
      new HBox(4, overlays.densityToggle(), overlays.densityChoice(), fitButton);
  private final AnimationTimer timer;
  private boolean timerRunning;

  private Snapshot pending;
  private Snapshot current;

  private double graphTop;

  private long lastFrameNanos;
  private long framesDrawn;
  private LongConsumer frameListener;

  public GraphView() {
    getStyleClass().add("graph-view");
    setMinSize(0, 0);
    setPrefSize(640, 480);
    placeholder.setManaged(false);
    placeholder.setMouseTransparent(true);
    placeholder.setAlignment(Pos.CENTER);
    placeholder.setTextAlignment(TextAlignment.CENTER);
    placeholder.setWrapText(true);
    placeholder.setFont(Font.font(15));
    placeholder.setTextFill(Palette.TEXT_DIM);
    placeholder.setId("graphPlaceholder");
    tools.setManaged(false);
    tools.setAlignment(Pos.CENTER_LEFT);
    tools.setId("graphTools");
    fitButton.setId("fitButton");
    fitButton.setFocusTraversable(false);
    fitButton.setTooltip(new Tooltip("Show the whole network (or double-click the background)"));
    fitButton.setOnAction(e -> fitView());
    getChildren().addAll(vesicles.view(), legend.canvas(), placeholder, overlays.banner(), tools);
    new GraphGestures(this, picker).install();
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            frame(now);
          }
        };
  }

  // ---- API ----

  /** The newest snapshot (FX thread); drawn from the next pulse on. */
  public void show(Snapshot s) {
    pending = Objects.requireNonNull(s);
    if (!timerRunning) {
      timer.start(); // started here, so it runs after the caller's own timer in each pulse
      timerRunning = true;
    }
  }

  /** Forgets the network and shows a line of text instead (no project open, loading...). */
  public void clear(String text) {
    pending = null;
    current = null;
    network.clear();
    select(GraphSelection.NONE);
    placeholder.setText(text);
    placeholder.setVisible(true);
    overlays.hideBanner();
    legend.markDirty();
    vesicles.clear(); // an empty frame, shown at the next pulse
    drawLegend();
  }

  /** The snapshot drawn last, or null. */
  public Snapshot snapshot() {
    return current;
  }

  /** The layout in use (the circle until a force-directed one is ready), or null. */
  public GraphLayout graphLayout() {
    return network.layout();
  }

  /** What the user clicked: a node, a vesicle (type and id), or nothing. */
  public ReadOnlyObjectProperty<GraphSelection> selectionProperty() {
    return picker.property();
  }

  public GraphSelection getSelection() {
    return picker.selection();
  }

  /** Selects a node or a vesicle (or nothing), as a click would. */
  public void select(GraphSelection s) {
    picker.select(s);
    network.highlight(s);
    vesicles.markDirty();
  }

  /**
   * The vesicle type whose density the user asked to see (null: activations). Set by the Density
   * toggle and the type list; whoever runs the engine listens and puts rho (or the reason there is
   * none) into the snapshots.
   */
  public ObjectProperty<String> densityTypeProperty() {
    return overlays.densityTypeProperty();
  }

  /**
   * Zooms by {@code factor} (above 1: in) about the pixel (x, y) of the graph area (coordinates of
   * {@link #graphPanel}, like all pixel positions here).
   */
  public void zoomAt(double x, double y, double factor) {
    if (camera.zoomAt(x, y, factor)) {
      vesicles.markDirty();
    }
  }

  /** Moves the picture by (dx, dy) pixels. */
  public void panBy(double dx, double dy) {
    if (camera.panBy(dx, dy)) {
      vesicles.markDirty();
    }
  }

  /** Shows the whole network. */
  public void fitView() {
    camera.fit();
  }

  /** How far the view is zoomed in: 1 shows the whole network, 2 half of it across. */
  public double zoom() {
    return camera.zoom();
  }

  /** The camera's map from graph units to view pixels, as of the last frame. */
  public ViewTransform transform() {
    return camera.transform();
  }

  /** Where node i is drawn, in graph-area pixels (NaN before the first frame). */
  public double nodeX(int i) {
    return camera.nodeX(i);
  }

  public double nodeY(int i) {
    return camera.nodeY(i);
  }

  /** Where the q-th kept vesicle of a type was drawn in the last frame, or NaN. */
  public double vesicleX(int type, int q) {
    return vesicles.x(type, q);
  }

  public double vesicleY(int type, int q) {
    return vesicles.y(type, q);
  }

  /** The snapshot whose vesicles are on screen now (drawn a pulse after it came), or null. */
  public Snapshot drawnSnapshot() {
    return vesicles.drawnSnapshot();
  }

  /** Time the drawing thread took for the vesicle frame on screen, ns (0 before the first). */
  public long lastRasterNanos() {
    return vesicles.lastRasterNanos();
  }

  /** FX-thread time of the last frame (colours, GraphStream redraws, vesicles, legend), ns. */
  public long lastFrameNanos() {
    return lastFrameNanos;
  }

  /** Frames in which something was drawn. */
  public long framesDrawn() {
    return framesDrawn;
  }

  /** Vesicle frames the drawing thread finished and the view showed. */
  public long vesicleFrames() {
    return vesicles.frames();
  }

  /** Called after every frame with its FX-thread time in nanoseconds (for benchmarks). */
  public void setFrameListener(LongConsumer listener) {
    frameListener = listener;
  }

  /** The GraphStream layer under the vesicles, or null when no network is shown. */
  public Region graphPanel() {
    return network.graphPanel();
  }

  /** The image the vesicles are drawn into. */
  public ImageView vesicleOverlay() {
    return vesicles.view();
  }

  /** The colour level GraphStream was last given for node i (0..63), or -1 (for tests). */
  public int nodeLevel(int i) {
    GraphStreamLayers layers = network.layers();
    return layers == null || i >= layers.nodeCount() ? -1 : layers.level(i);
  }

  /**
   * Colours the nodes by the given per-node values on the heat scale (0 to their largest), over
   * activations and density, with a label in the legend; null clears it. The kernel editor's
   * preview (one hop from a node, or the stationary distribution) is drawn this way. FX thread.
   */
  public void setNodeOverlay(String label, double[] values) {
    overlays.setPreview(label, values);
    network.colourNow();
    legend.markDirty();
    if (current != null) {
      updateBanner(current);
    }
  }

  /**
   * The path of the vesicle being inspected: the nodes it visited, oldest first; drawn as a thin
   * line under the vesicles while it is selected (null or empty: none). FX thread.
   */
  public void setVesiclePath(int[] nodes) {
    if (overlays.setPath(nodes)) {
      vesicles.markDirty();
    }
  }

  /** The label of the node overlay shown, or null. */
  public String nodeOverlayLabel() {
    return overlays.previewLabel();
  }

  /** True while nodes are coloured by density. */
  public boolean showsDensity() {
    return network.drawn() && network.layers().heat() && overlays.preview() == null;
  }

  /** The width class given to host edge e (0: not drawn), for tests. */
  public int edgeClass(int e) {
    GraphStreamLayers layers = network.layers();
    return layers == null ? 0 : layers.edgeClass(e);
  }

  /** The line shown over the graph (a density refusal, a size limit), or null. */
  public String bannerText() {
    return overlays.bannerText();
  }

  /**
   * Stops the timer, the layout and drawing threads, and closes GraphStream's viewers (FX thread).
   */
  public void dispose() {
    timer.stop();
    timerRunning = false;
    vesicles.close();
    network.dispose();
  }

  // ---- One frame ----

  void frame(long now) {
    long t0 = System.nanoTime();
    Snapshot s = pending;
    if (s != null && s != current) {
      accept(s, now);
    }
    boolean drew = vesicles.take();
    if (current == null || !network.drawn()) {
      finishFrame(t0, drew);
      return;
    }
    if (network.update(now, current, overlays)) {
      legend.markDirty(); // the legend shows the scale (heat or activation) and peak just used
    }
    if (camera.readBack()) {
      vesicles.markDirty();
    }
    vesicles.frame(now, current, camera, picker.selection(), overlays.path());
    if (legend.dirty()) {
      drawLegend();
      drew = true;
    }
    finishFrame(t0, drew);
  }

  private void finishFrame(long t0, boolean drew) {
    lastFrameNanos = System.nanoTime() - t0;
    if (drew) {
      framesDrawn++;
    }
    if (frameListener != null) {
      frameListener.accept(lastFrameNanos);
    }
  }

  /** A new snapshot: a new network, new colours, new moves. */
  private void accept(Snapshot s, long now) {
    Snapshot before = current;
    if (s.graph() != network.graph()) {
      setGraph(s.graph());
    }
    current = s;
    vesicles.accept(s, before, now);
    network.accept(s, before == null);
    overlays.updateTypes(s);
    updateBanner(s);
    picker.follow(s);
    placeholder.setVisible(!network.drawn());
    legend.markDirty();
  }

  private void setGraph(Graph g) {
    vesicles.forgetFlashes();
    select(GraphSelection.NONE);
    switch (network.show(g)) {
      case KEPT -> {} // a reset rebuilt the same network: its layout and views stay
      case TOO_LARGE -> {
        placeholder.setText(
            String.format(
                Locale.ROOT,
                "This network has %,d nodes; the view draws up to %,d. The run goes on: the chart"
                    + " and the counts below stay live.",
                g.nodeCount(),
                NODE_LIMIT));
        placeholder.setVisible(true);
      }
      case NEW -> {
        camera.reset(g.nodeCount());
        requestLayout();
      }
    }
  }

  /** The force-directed layout arrived: the vesicles follow the nodes to where they now are. */
  private void layoutMoved() {
    camera.placeNodes();
    vesicles.markDirty();
  }

  private void drawLegend() {
    legend.draw(current, network, overlays.previewLabel());
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    tools.autosize();
    graphTop = snapSizeY(tools.getHeight() + 8);
    double gh = Math.max(0, h - graphTop - GraphLegend.HEIGHT);
    network.layoutPanels(0, graphTop, w, gh);
    vesicles.resize((int) Math.max(1, w), (int) Math.max(1, gh));
    vesicles.view().relocate(0, graphTop);
    legend.resize(w);
    legend.canvas().relocate(0, graphTop + gh);
    placeholder.resizeRelocate(20, 0, Math.max(0, w - 40), h);
    tools.relocate(8, 4);
    overlays.layoutBanner(w, graphTop);
    if (!network.drawn()) {
      drawLegend();
    }
  }

  // ---- Density and preview ----

  /** The user asked for another density (or none): new colours, a new legend and banner. */
  private void densityAsked() {
    network.colourSoon();
    legend.markDirty();
    if (current != null) {
      updateBanner(current);
    }
  }

  private void updateBanner(Snapshot s) {
    if (overlays.updateBanner(s)) {
      requestLayout();
    }
  }

  /** Where the graph area starts, in the view's pixels (below the tool bar). */
  double graphTop() {
    return graphTop;
  }

  /** The graph area's height in pixels (between the tool bar and the legend). */
  double graphHeight() {
    return Math.max(0, getHeight() - graphTop - GraphLegend.HEIGHT);
  }
}
