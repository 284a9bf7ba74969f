package org.nvlab.viz.graph;

import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
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
 */
public final class GraphView extends Region {
  /** The largest network drawn; larger ones show a line saying so (the run goes on). */
  public static final int NODE_LIMIT = 20_000;

  /** Node colours are rewritten at most this often: GraphStream's own redraw period. */
  static final long COLOUR_NANOS = 40_000_000L;

  /** Edge widths at most once a second: an edge redraw is the expensive one. */
  static final long WEIGHT_NANOS = 1_000_000_000L;

  /** The longest a vesicle takes to glide to its new node (after a pause or a single step). */
  static final long MAX_GLIDE_NANOS = 500_000_000L;

  /** How long a docking flashes, and the most flash rings drawn in one frame. */
  static final long FLASH_NANOS = 400_000_000L;

  static final int FLASH_LIMIT = 600;

  /** Up to this many vesicles, discs have their full size; beyond, they shrink as 1/sqrt(n). */
  static final int CROWD = 20_000;

  /** The smallest that crowd scale gets (about 100,000 vesicles and more). */
  static final double MIN_CROWD_SCALE = 0.5;

  /** Up to this many vesicles each disc gets a dark rim; beyond, the rims only cost. */
  static final int HALO_LIMIT = 20_000;

  static final double LEGEND_HEIGHT = 26;

  private static final Font FONT = Font.font(12);
  private static final int[] TYPE_RGB = new int[8];
  private static final int BACKGROUND_RGB = rgb(Palette.BACKGROUND);
  private static final int SELECTION_RGB = 0xffffff;
  private static final int PATH_RGB = 0xffffff;

  static {
    for (int k = 0; k < TYPE_RGB.length; k++) {
      TYPE_RGB[k] = rgb(Palette.type(k));
    }
  }

  private final ImageView vesicleImage = new ImageView();
  private final Canvas legend = new Canvas();
  private final Label placeholder = new Label();
  private final Label banner = new Label();
  private final ToggleButton densityToggle = new ToggleButton("Density \u03c1");
  private final ComboBox<String> densityChoice = new ComboBox<>();
  private final Button fitButton = new Button("Fit");
  private final HBox tools = new HBox(4, densityToggle, densityChoice, fitButton);
  private final Text measure = new Text();
  private final ReadOnlyObjectWrapper<GraphSelection> selection =
      new ReadOnlyObjectWrapper<>(this, "selection", GraphSelection.NONE);
  private final ObjectProperty<String> densityType =
      new SimpleObjectProperty<>(this, "densityType");
  private final VesicleRenderer renderer =
      new VesicleRenderer(TYPE_RGB, BACKGROUND_RGB, SELECTION_RGB, PATH_RGB);
  private long lastRasterNanos;
  private final ArrayDeque<Flash> flashes = new ArrayDeque<>();
  private final AnimationTimer timer;
  private boolean timerRunning;

  private GraphStreamLayers layers;
  private Graph graph;
  private GraphLayout layout;
  private int layoutGeneration;
  private ExecutorService layoutWorker;

  private Snapshot pending;
  private Snapshot current;
  private long arrival;
  private long glide = 50_000_000L;
  private boolean coloursDue;
  private long lastColours;
  private int weightsVersion;
  private boolean weightsDue;
  private long lastWeights = Long.MIN_VALUE / 2;
  private byte[] levels = new byte[0];
  private boolean[] fired = new boolean[0];
  private float[] scratch = new float[0];
  private float[] weights = new float[0];
  private double activationPeak = 1e-3;
  private double densityPeak = 1e-6;
  private double[] overlay;
  private int[] vesiclePath = new int[0];
  private double overlayPeak;
  private String overlayLabel;
  private double normScale;

  private VesicleRaster raster;
  private PixelBuffer<IntBuffer> pixelBuffer;
  private ViewTransform transform = new ViewTransform(0, 0, 0, 0, 0, 1);
  private double[] nodeX = new double[0];
  private double[] nodeY = new double[0];
  private boolean overlayDirty = true;
  private boolean legendDirty = true;
  private boolean wasMoving;

  private double pressX;
  private double pressY;
  private double dragX;
  private double dragY;
  private boolean dragging;
  private double graphTop;

  private long lastFrameNanos;
  private long framesDrawn;
  private long vesicleFrames;
  private LongConsumer frameListener;

  /** A snapshot's dockings, flashing since {@code at} (nanoTime). */
  private record Flash(Snapshot snapshot, long at) {}

  public GraphView() {
    getStyleClass().add("graph-view");
    setMinSize(0, 0);
    setPrefSize(640, 480);
    measure.setFont(FONT);
    vesicleImage.setMouseTransparent(true);
    vesicleImage.setManaged(false);
    legend.setMouseTransparent(true);
    legend.setManaged(false);
    placeholder.setManaged(false);
    placeholder.setMouseTransparent(true);
    placeholder.setAlignment(Pos.CENTER);
    placeholder.setTextAlignment(TextAlignment.CENTER);
    placeholder.setWrapText(true);
    placeholder.setFont(Font.font(15));
    placeholder.setTextFill(Palette.TEXT_DIM);
    placeholder.setId("graphPlaceholder");
    banner.setManaged(false);
    banner.setMouseTransparent(true);
    banner.setWrapText(true);
    banner.setVisible(false);
    banner.setId("graphBanner");
    banner.setStyle(
        "-fx-background-color: rgba(40,32,20,0.92); -fx-text-fill: #f2d49b;"
            + " -fx-padding: 6 10 6 10; -fx-background-radius: 4;");
    tools.setManaged(false);
    tools.setAlignment(Pos.CENTER_LEFT);
    tools.setId("graphTools");
    densityToggle.setId("densityToggle");
    densityToggle.setFocusTraversable(false);
    densityToggle.setTooltip(
        new Tooltip(
            "Colour the nodes by the density model's expected vesicles (rho) of the chosen type"
                + " instead of by activation"));
    densityChoice.setId("densityChoice");
    densityChoice.setFocusTraversable(false);
    densityChoice.setPrefWidth(130);
    densityChoice.setTooltip(new Tooltip("The vesicle type whose density is shown"));
    fitButton.setId("fitButton");
    fitButton.setFocusTraversable(false);
    fitButton.setTooltip(new Tooltip("Show the whole network (or double-click the background)"));
    fitButton.setOnAction(e -> fitView());
    densityToggle.selectedProperty().addListener((o, a, b) -> requestDensity());
    densityChoice.valueProperty().addListener((o, a, b) -> requestDensity());
    getChildren().addAll(vesicleImage, legend, placeholder, banner, tools);
    installMouse();
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
    graph = null;
    layout = null;
    layoutGeneration++;
    closeLayers();
    flashes.clear();
    select(GraphSelection.NONE);
    placeholder.setText(text);
    placeholder.setVisible(true);
    banner.setVisible(false);
    legendDirty = true;
    overlayDirty = true;
    if (raster != null && !renderer.busy()) {
      renderer.submit(emptyJob()); // shown at the next pulse
    }
    drawLegend();
  }

  /** The snapshot drawn last, or null. */
  public Snapshot snapshot() {
    return current;
  }

  /** The layout in use (the circle until a force-directed one is ready), or null. */
  public GraphLayout graphLayout() {
    return layout;
  }

  /** What the user clicked: a node, a vesicle (type and id), or nothing. */
  public ReadOnlyObjectProperty<GraphSelection> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  public GraphSelection getSelection() {
    return selection.get();
  }

  /** Selects a node or a vesicle (or nothing), as a click would. */
  public void select(GraphSelection s) {
    selection.set(Objects.requireNonNull(s));
    if (layers != null) {
      layers.select(s.isNode() && s.node() < layers.nodeCount() ? s.node() : -1);
    }
    overlayDirty = true;
  }

  /**
   * The vesicle type whose density the user asked to see (null: activations). Set by the Density
   * toggle and the type list; whoever runs the engine listens and puts rho (or the reason there is
   * none) into the snapshots.
   */
  public ObjectProperty<String> densityTypeProperty() {
    return densityType;
  }

  /**
   * Zooms by {@code factor} (above 1: in) about the pixel (x, y) of the graph area (coordinates of
   * {@link #graphPanel}, like all pixel positions here).
   */
  public void zoomAt(double x, double y, double factor) {
    if (layers == null || !transform.valid() || !(factor > 0)) {
      return;
    }
    moveCamera(transform.zoomedAt(x, y, factor));
  }

  /** Moves the picture by (dx, dy) pixels. */
  public void panBy(double dx, double dy) {
    if (layers == null || !transform.valid()) {
      return;
    }
    moveCamera(transform.pannedBy(dx, dy));
  }

  /** Shows the whole network. */
  public void fitView() {
    if (layers != null) {
      layers.fit();
    }
  }

  /** How far the view is zoomed in: 1 shows the whole network, 2 half of it across. */
  public double zoom() {
    return transform.percent() > 0 ? 1 / transform.percent() : 1;
  }

  /** The camera's map from graph units to view pixels, as of the last frame. */
  public ViewTransform transform() {
    return transform;
  }

  /** Where node i is drawn, in graph-area pixels (NaN before the first frame). */
  public double nodeX(int i) {
    return i < nodeX.length ? nodeX[i] : Double.NaN;
  }

  public double nodeY(int i) {
    return i < nodeY.length ? nodeY[i] : Double.NaN;
  }

  /** Where the q-th kept vesicle of a type was drawn in the last frame, or NaN. */
  public double vesicleX(int type, int q) {
    VesicleLayer v = renderer.shown();
    return v == null || v.placed() == null ? Double.NaN : v.x(type, q);
  }

  public double vesicleY(int type, int q) {
    VesicleLayer v = renderer.shown();
    return v == null || v.placed() == null ? Double.NaN : v.y(type, q);
  }

  /** The snapshot whose vesicles are on screen now (drawn a pulse after it came), or null. */
  public Snapshot drawnSnapshot() {
    VesicleLayer v = renderer.shown();
    return v == null ? null : v.placed();
  }

  /** Time the drawing thread took for the vesicle frame on screen, ns (0 before the first). */
  public long lastRasterNanos() {
    return lastRasterNanos;
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
    return vesicleFrames;
  }

  /** Called after every frame with its FX-thread time in nanoseconds (for benchmarks). */
  public void setFrameListener(LongConsumer listener) {
    frameListener = listener;
  }

  /** The GraphStream layer under the vesicles, or null when no network is shown. */
  public Region graphPanel() {
    return layers == null ? null : layers.nodePanel();
  }

  /** The image the vesicles are drawn into. */
  public ImageView vesicleOverlay() {
    return vesicleImage;
  }

  /** The colour level GraphStream was last given for node i (0..63), or -1 (for tests). */
  public int nodeLevel(int i) {
    return layers == null || i >= layers.nodeCount() ? -1 : layers.level(i);
  }

  /**
   * Colours the nodes by the given per-node values on the heat scale (0 to their largest), over
   * activations and density, with a label in the legend; null clears it. The kernel editor's
   * preview (one hop from a node, or the stationary distribution) is drawn this way. FX thread.
   */
  public void setNodeOverlay(String label, double[] values) {
    overlay = values;
    overlayLabel = values == null ? null : label;
    coloursDue = true;
    lastColours = Long.MIN_VALUE / 2;
    legendDirty = true;
    if (current != null) {
      updateBanner(current);
    }
  }

  /**
   * The path of the vesicle being inspected: the nodes it visited, oldest first; drawn as a thin
   * line under the vesicles while it is selected (null or empty: none). FX thread.
   */
  public void setVesiclePath(int[] nodes) {
    int[] p = nodes == null ? new int[0] : nodes.clone();
    if (!Arrays.equals(p, vesiclePath)) {
      vesiclePath = p;
      overlayDirty = true;
    }
  }

  /** The label of the node overlay shown, or null. */
  public String nodeOverlayLabel() {
    return overlayLabel;
  }

  /** True while nodes are coloured by density. */
  public boolean showsDensity() {
    return layers != null && layers.heat() && overlay == null;
  }

  /** The width class given to host edge e (0: not drawn), for tests. */
  public int edgeClass(int e) {
    return layers == null ? 0 : layers.edgeClass(e);
  }

  /** The line shown over the graph (a density refusal, a size limit), or null. */
  public String bannerText() {
    return banner.isVisible() ? banner.getText() : null;
  }

  /**
   * Stops the timer, the layout and drawing threads, and closes GraphStream's viewers (FX thread).
   */
  public void dispose() {
    timer.stop();
    timerRunning = false;
    renderer.close();
    layoutGeneration++;
    closeLayers();
    if (layoutWorker != null) {
      layoutWorker.shutdownNow();
      layoutWorker = null;
    }
  }

  // ---- One frame ----

  void frame(long now) {
    long t0 = System.nanoTime();
    Snapshot s = pending;
    if (s != null && s != current) {
      accept(s, now);
    }
    boolean drew = takeVesicleFrame();
    if (current == null || layers == null) {
      finishFrame(t0, drew);
      return;
    }
    if (coloursDue && now - lastColours >= COLOUR_NANOS) {
      colourNodes(current);
      lastColours = now;
      coloursDue = false;
      legendDirty = true; // the legend shows the scale (heat or activation) and peak just used
    }
    if (weightsDue && now - lastWeights >= WEIGHT_NANOS) {
      setWeights(current);
      lastWeights = now;
      weightsDue = false;
    }
    layers.pump();
    ViewTransform t = layers.transform();
    if (!t.equals(transform)) {
      transform = t;
      placeNodes();
      overlayDirty = true;
    }
    double progress = progress(now);
    boolean flashing = pruneFlashes(now);
    boolean moving = progress < 1;
    if (overlayDirty || moving || wasMoving || flashing) {
      if (drawVesicles(progress, now)) {
        overlayDirty = flashing; // one more frame after the last flash fades, to erase it
        wasMoving = moving;
      } else {
        overlayDirty = true; // the drawing thread is busy: ask again next pulse
      }
    } else {
      wasMoving = moving;
    }
    if (legendDirty) {
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
    if (s.graph() != graph) {
      setGraph(s.graph());
    }
    current = s;
    if (s.tick() != s.previousTick() && before != null) {
      // Glide over the time the next snapshot is likely to take (a little less, so vesicles
      // arrive rather than jump), but not for seconds after a pause or a single step.
      long gap = now - arrival;
      glide = Math.max(8_000_000L, Math.min(MAX_GLIDE_NANOS, (long) (0.9 * gap)));
    }
    arrival = s.tick() != s.previousTick() ? now : now - glide;
    coloursDue = true;
    if (s.hasWeights() && (s.weightsVersion() != weightsVersion || before == null)) {
      weightsVersion = s.weightsVersion();
      weightsDue = true;
    }
    boolean anyDocked = false;
    for (int k = 0; k < s.typeCount(); k++) {
      anyDocked |= s.dockedCount(k) > 0;
    }
    if (anyDocked && s.tick() != s.previousTick()) {
      flashes.addLast(new Flash(s, now));
    }
    normScale = normScale(s, normScale);
    updateTypes(s);
    updateBanner(s);
    followSelection(s);
    placeholder.setVisible(layers == null);
    overlayDirty = true;
    legendDirty = true;
  }

  private double progress(long now) {
    if (current == null || current.tick() == current.previousTick()) {
      return 1;
    }
    return Math.min(1, (now - arrival) / (double) glide);
  }

  private boolean pruneFlashes(long now) {
    while (!flashes.isEmpty() && now - flashes.peekFirst().at() >= FLASH_NANOS) {
      flashes.removeFirst();
    }
    return !flashes.isEmpty();
  }

  // ---- The network ----

  private void setGraph(Graph g) {
    Graph old = graph;
    graph = g;
    activationPeak = 1e-3;
    densityPeak = 1e-6;
    flashes.clear();
    select(GraphSelection.NONE);
    if (layers != null && old != null && sameTopology(old, g)) {
      return; // a reset rebuilt the same network: keep its layout and views
    }
    closeLayers();
    int generation = ++layoutGeneration;
    if (g.nodeCount() > NODE_LIMIT) {
      layout = null;
      placeholder.setText(
          String.format(
              Locale.ROOT,
              "This network has %,d nodes; the view draws up to %,d. The run goes on: the chart and"
                  + " the counts below stay live.",
              g.nodeCount(),
              NODE_LIMIT));
      placeholder.setVisible(true);
      return;
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
                        placeNodes(); // the vesicles follow the nodes to where they now are
                        overlayDirty = true;
                      }
                    });
              });
    }
    layers = new GraphStreamLayers(g, layout);
    getChildren().add(0, layers.edgePanel());
    getChildren().add(1, layers.nodePanel());
    levels = new byte[g.nodeCount()];
    fired = new boolean[g.nodeCount()];
    weights = new float[g.edgeCount()];
    nodeX = new double[g.nodeCount()];
    nodeY = new double[g.nodeCount()];
    Arrays.fill(nodeX, Double.NaN);
    Arrays.fill(nodeY, Double.NaN);
    transform = new ViewTransform(0, 0, 0, 0, 0, 1);
    requestLayout();
  }

  private void closeLayers() {
    if (layers != null) {
      getChildren().removeAll(layers.edgePanel(), layers.nodePanel());
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

  /** Node pixel positions from the layout through the camera. */
  private void placeNodes() {
    if (layout == null || !transform.valid()) {
      return;
    }
    int n = Math.min(layout.nodeCount(), nodeX.length);
    for (int i = 0; i < n; i++) {
      nodeX[i] = transform.px(layout.x(i));
      nodeY[i] = transform.py(1.0 - layout.y(i));
    }
  }

  private double nodeRadiusPx() {
    return layers == null ? 4 : 0.5 * layers.nodeSizeGu() * transform.scale();
  }

  /**
   * Node colours: in density mode rho against its peak on the heat scale; else activation against
   * the 98th percentile of |activation| (so a few input nodes driven far beyond the rest do not
   * wash out everything else) on the blue-white-red scale. Both scales hold their peak and sink
   * slowly, so colours do not flicker. A LIF host's nodes that fired in the last tick are marked
   * too.
   */
  private void colourNodes(Snapshot s) {
    int n = Math.min(s.nodeCount(), levels.length);
    boolean heat = showsDensityOf(s);
    layers.setHeat(heat);
    int top = GraphStreamLayers.LEVELS - 1;
    double[] o = overlay;
    if (o != null) {
      layers.setHeat(true);
      double max = 1e-12;
      for (int i = 0; i < Math.min(n, o.length); i++) {
        max = Math.max(max, o[i]);
      }
      for (int i = 0; i < n; i++) {
        double v = i < o.length ? o[i] : 0;
        levels[i] = (byte) Math.round(top * clamp(Double.isFinite(v) ? v / max : 0, 0, 1));
      }
      overlayPeak = max;
    } else if (heat) {
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, s.density(i));
      }
      densityPeak = Math.max(1e-6, Math.max(max, densityPeak * 0.98));
      for (int i = 0; i < n; i++) {
        levels[i] = (byte) Math.round(top * clamp(s.density(i) / densityPeak, 0, 1));
      }
    } else {
      if (scratch.length < n) {
        scratch = new float[n];
      }
      int finite = 0;
      for (int i = 0; i < n; i++) {
        float a = s.activation(i);
        if (Float.isFinite(a)) {
          scratch[finite++] = Math.abs(a);
        }
      }
      double level = Percentile.quantile(scratch, finite, 0.98);
      activationPeak = Math.max(1e-3, Math.max(level, activationPeak * 0.98));
      for (int i = 0; i < n; i++) {
        double t = s.activation(i) / activationPeak;
        t = Double.isNaN(t) ? 0 : clamp(t, -1, 1);
        levels[i] = (byte) Math.round(top * 0.5 * (t + 1));
      }
    }
    layers.setLevels(levels);
    if (s.spiking()) {
      for (int i = 0; i < n; i++) {
        fired[i] = s.spike(i) > 0;
      }
    } else {
      Arrays.fill(fired, false);
    }
    layers.setSpikes(fired);
  }

  private void setWeights(Snapshot s) {
    int m = Math.min(weights.length, s.graph().edgeCount());
    for (int e = 0; e < m; e++) {
      weights[e] = s.weight(e);
    }
    layers.setWeights(weights);
  }

  /** True when the snapshot carries the density the user asked for. */
  private boolean showsDensityOf(Snapshot s) {
    String wanted = densityType.get();
    return wanted != null
        && s.densityType() >= 0
        && wanted.equals(s.typeNames().get(s.densityType()));
  }

  /** The payload length drawn largest: the 90th percentile of a sample, held and sinking slowly. */
  private static double normScale(Snapshot s, double previous) {
    float[] sample = new float[512];
    int c = 0;
    for (int k = 0; k < s.typeCount(); k++) {
      int m = s.vesicleCount(k);
      int step = Math.max(1, m / 128);
      for (int q = 0; q < m && c < sample.length; q += step) {
        sample[c++] = s.payloadNorm(k, q);
      }
    }
    double p90 = Percentile.quantile(sample, c, 0.9);
    return Math.max(p90, previous * 0.95);
  }

  // ---- Drawing ----

  /**
   * Hands the vesicle layer of this frame to the drawing thread; false when it is still busy with
   * the previous one (the frame is asked for again at the next pulse).
   */
  private boolean drawVesicles(double progress, long now) {
    if (raster == null || renderer.busy()) {
      return false;
    }
    Snapshot s = current;
    if (s == null || layers == null || !transform.valid()) {
      return renderer.submit(emptyJob());
    }
    double nodeR = nodeRadiusPx();
    // Larger when zoomed in; smaller in a crowd (beyond CROWD vesicles the discs would only
    // cover one another, and each costs its pixels).
    double crowd = Math.sqrt(CROWD / (double) Math.max(CROWD, s.totalPopulation()));
    double boost =
        clamp(Math.pow(1 / transform.percent(), 0.35), 1, 3) * Math.max(MIN_CROWD_SCALE, crowd);
    double spread = clamp(0.9 * nodeR + 1.5, 2, 14);
    List<VesicleRenderer.Flash> flashList = new ArrayList<>();
    // Newest first: when there are more dockings than rings drawn, the brightest are kept.
    for (var it = flashes.descendingIterator(); it.hasNext(); ) {
      Flash f = it.next();
      if (f.snapshot().graph() == s.graph()) {
        flashList.add(
            new VesicleRenderer.Flash(f.snapshot(), (now - f.at()) / (double) FLASH_NANOS));
      }
    }
    GraphSelection sel = selection.get();
    return renderer.submit(
        new VesicleRenderer.Job(
            s,
            nodeX.clone(),
            nodeY.clone(),
            progress,
            spread,
            1.4 * boost,
            3.6 * boost,
            normScale,
            s.totalPopulation() <= HALO_LIMIT,
            flashList,
            nodeR + 2,
            FLASH_LIMIT,
            sel.isVesicle() ? sel.vesicleType() : -1,
            sel.vesicleId(),
            vesiclePath,
            raster.width(),
            raster.height()));
  }

  private VesicleRenderer.Job emptyJob() {
    return new VesicleRenderer.Job(
        null,
        new double[0],
        new double[0],
        1,
        0,
        0,
        0,
        0,
        false,
        List.of(),
        0,
        0,
        -1,
        -1,
        new int[0],
        raster.width(),
        raster.height());
  }

  /**
   * Shows the frame the drawing thread finished, if any: its pixels go into the image (only the
   * rows and columns that changed) and its positions answer clicks. True when one was shown.
   */
  private boolean takeVesicleFrame() {
    if (raster == null || !renderer.ready()) {
      return false;
    }
    boolean[] shown = {false};
    pixelBuffer.updateBuffer(
        b -> {
          VesicleRenderer.Done d = renderer.take(raster);
          if (d == null) {
            return javafx.geometry.Rectangle2D.EMPTY; // drawn for a size the view no longer has
          }
          shown[0] = true;
          lastRasterNanos = d.drawNanos();
          vesicleFrames++;
          // Only the box that changed goes to the render thread.
          int[] box = renderer.lastCopied();
          return box[2] > box[0] && box[3] > box[1]
              ? new javafx.geometry.Rectangle2D(box[0], box[1], box[2] - box[0], box[3] - box[1])
              : javafx.geometry.Rectangle2D.EMPTY;
        });
    return shown[0];
  }

  private void drawLegend() {
    legendDirty = false;
    GraphicsContext gc = legend.getGraphicsContext2D();
    double w = legend.getWidth();
    double h = legend.getHeight();
    gc.setFill(Palette.BACKGROUND);
    gc.fillRect(0, 0, w, h);
    Snapshot s = current;
    if (s == null || layers == null) {
      return;
    }
    double y = h / 2;
    gc.setFont(FONT);
    gc.setTextBaseline(VPos.CENTER);
    gc.setTextAlign(TextAlignment.LEFT);
    double x = 12;
    for (int k = 0; k < s.typeCount(); k++) {
      gc.setFill(Palette.type(k));
      gc.fillOval(x, y - 4, 8, 8);
      gc.setFill(Palette.TEXT);
      String label = s.typeNames().get(k) + "  " + s.population(k);
      if (s.vesicleCount(k) < s.population(k)) {
        label += String.format(Locale.ROOT, " (%,d drawn)", s.vesicleCount(k));
      }
      gc.fillText(label, x + 13, y);
      x += 13 + textWidth(label) + 18;
    }
    gc.setStroke(Palette.TEXT_DIM);
    gc.setLineWidth(1.2);
    gc.strokeOval(x, y - 4, 8, 8);
    gc.setFill(Palette.TEXT_DIM);
    gc.fillText("docked", x + 13, y);
    x += 13 + textWidth("docked") + 18;
    if (layers.drawnEdges() == 0 && s.graph().edgeCount() > GraphStreamLayers.EDGE_LIMIT) {
      String note = String.format(Locale.ROOT, "%,d edges not drawn", s.graph().edgeCount());
      gc.fillText(note, x, y);
      x += textWidth(note) + 18;
    }
    boolean heat = layers.heat();
    double barW = 110;
    String high;
    String low;
    Stop[] stops;
    if (overlay != null) {
      high = String.format(Locale.ROOT, "%.3g", overlayPeak);
      low = overlayLabel + "   0";
      stops = heatStops();
    } else if (heat) {
      high = String.format(Locale.ROOT, "%.3g", densityPeak);
      low = "\u03c1 " + s.typeNames().get(Math.max(0, s.densityType())) + "   0";
      stops = heatStops();
    } else {
      high = String.format(Locale.ROOT, "+%.2g", activationPeak);
      low =
          (s.spiking() ? "rate (yellow: spiked)   " : "activation   ")
              + String.format(Locale.ROOT, "-%.2g", activationPeak);
      stops =
          new Stop[] {
            new Stop(0, Palette.diverging(-1)),
            new Stop(0.5, Palette.diverging(0)),
            new Stop(1, Palette.diverging(1))
          };
    }
    double bx = w - barW - textWidth(high) - 18;
    if (bx - textWidth(low) <= x + 20) {
      // A narrow view: a shorter bar and only its numbers (the scale's name is in the tooltip
      // of the Density toggle and in the user guide), rather than no key at all.
      barW = 56;
      low = overlay != null || heat ? "0" : String.format(Locale.ROOT, "-%.2g", activationPeak);
      bx = w - barW - textWidth(high) - 18;
    }
    if (bx - textWidth(low) > x + 20) {
      gc.setFill(new LinearGradient(bx, 0, bx + barW, 0, false, CycleMethod.NO_CYCLE, stops));
      gc.fillRect(bx, y - 4, barW, 8);
      gc.setFill(Palette.TEXT_DIM);
      gc.setTextAlign(TextAlignment.RIGHT);
      gc.fillText(low, bx - 5, y);
      gc.setTextAlign(TextAlignment.LEFT);
      gc.fillText(high, bx + barW + 5, y);
    }
  }

  private static Stop[] heatStops() {
    String[] c = {"#000004", "#3b0f70", "#8c2981", "#de4968", "#fe9f6d", "#fcfdbf"};
    Stop[] s = new Stop[c.length];
    for (int i = 0; i < c.length; i++) {
      s[i] = new Stop(i / (double) (c.length - 1), Color.web(c[i]));
    }
    return s;
  }

  private double textWidth(String text) {
    measure.setText(text);
    return measure.getLayoutBounds().getWidth();
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    tools.autosize();
    graphTop = snapSizeY(tools.getHeight() + 8);
    double gh = Math.max(0, h - graphTop - LEGEND_HEIGHT);
    if (layers != null) {
      layers.edgePanel().resizeRelocate(0, graphTop, w, gh);
      layers.nodePanel().resizeRelocate(0, graphTop, w, gh);
    }
    int iw = (int) Math.max(1, w);
    int ih = (int) Math.max(1, gh);
    if (raster == null || raster.width() != iw || raster.height() != ih) {
      raster = new VesicleRaster(iw, ih);
      pixelBuffer =
          new PixelBuffer<>(
              iw, ih, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
      vesicleImage.setImage(new WritableImage(pixelBuffer));
      overlayDirty = true;
    }
    vesicleImage.relocate(0, graphTop);
    if (legend.getWidth() != w) {
      legend.setWidth(w);
      legend.setHeight(LEGEND_HEIGHT);
      legendDirty = true;
    }
    legend.relocate(0, graphTop + gh);
    placeholder.resizeRelocate(20, 0, Math.max(0, w - 40), h);
    tools.relocate(8, 4);
    double bw = Math.min(Math.max(0, w - 24), 640);
    banner.setMaxWidth(bw);
    double bh = banner.prefHeight(bw);
    banner.resizeRelocate((w - bw) / 2, graphTop + 6, bw, bh);
    if (layers == null) {
      drawLegend();
    }
  }

  // ---- Density ----

  private void requestDensity() {
    String wanted = densityToggle.isSelected() ? densityChoice.getValue() : null;
    densityType.set(wanted);
    coloursDue = true;
    legendDirty = true;
    if (current != null) {
      updateBanner(current);
    }
  }

  /** Keeps the type list in step with the project's types. */
  private void updateTypes(Snapshot s) {
    List<String> names = s.typeNames();
    if (!densityChoice.getItems().equals(names)) {
      String was = densityChoice.getValue();
      densityChoice.getItems().setAll(names);
      densityChoice.setValue(
          was != null && names.contains(was)
              ? was
              : names.isEmpty() ? null : names.get(0)); // may re-request
    }
    densityToggle.setDisable(names.isEmpty());
  }

  private void updateBanner(Snapshot s) {
    String wanted = densityType.get();
    String text = null;
    if (wanted != null) {
      if (s.densityProblem() != null) {
        text = "The density of '" + wanted + "' cannot be shown: " + s.densityProblem();
      } else if (!showsDensityOf(s)) {
        text = "Computing the density of '" + wanted + "'...";
      }
    }
    if (text == null && overlay != null) {
      text = "Node colours: the " + overlayLabel + ", the Kernel tab's preview";
    }
    String shown = text == null ? "" : text;
    if (!shown.equals(banner.getText()) || banner.isVisible() != (text != null)) {
      banner.setText(shown);
      banner.setVisible(text != null);
      requestLayout();
    }
  }

  // ---- Mouse: zoom, pan, select ----

  private void installMouse() {
    setOnScroll(
        e -> {
          if (e.getDeltaY() != 0) {
            zoomAt(e.getX(), e.getY() - graphTop, Math.pow(1.2, e.getDeltaY() / 40.0));
            e.consume();
          }
        });
    setOnMousePressed(
        e -> {
          pressX = e.getX();
          pressY = e.getY();
          dragX = pressX;
          dragY = pressY;
          dragging = false;
        });
    setOnMouseDragged(
        e -> {
          if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) {
            dragging = true;
          }
          if (dragging) {
            panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
          }
        });
    setOnMouseReleased(
        e -> {
          double y = e.getY() - graphTop;
          if (!dragging && e.getButton() == MouseButton.PRIMARY && y >= 0 && y < graphHeight()) {
            if (e.getClickCount() == 2 && pick(e.getX(), y).isEmpty()) {
              fitView();
            } else {
              select(pick(e.getX(), y));
            }
          }
          dragging = false;
        });
  }

  private double graphHeight() {
    return Math.max(0, getHeight() - graphTop - LEGEND_HEIGHT);
  }

  /** What is drawn under (x, y): a vesicle (drawn on top), else the nearest node within reach. */
  GraphSelection pick(double x, double y) {
    Snapshot s = current;
    if (s == null || layers == null || !transform.valid()) {
      return GraphSelection.NONE;
    }
    VesicleLayer shownLayer = renderer.shown();
    Snapshot drawn = shownLayer == null ? null : shownLayer.placed();
    if (drawn != null && drawn.graph() == s.graph()) { // what is on screen is what is hit
      int[] v = shownLayer.hit(x, y, 2.5);
      if (v != null) {
        int loc = drawn.vesicleNode(v[0], v[1]);
        return GraphSelection.ofVesicle(v[0], drawn.vesicleId(v[0], v[1]), loc >= 0 ? loc : ~loc);
      }
    }
    int node = nearestNode(nodeX, nodeY, x, y, nodeRadiusPx() + 4);
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
  private void followSelection(Snapshot s) {
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

  private void moveCamera(ViewTransform t) {
    layers.setView(t);
    transform = t; // GraphStream redraws on the next frame; the overlay follows at once
    placeNodes();
    overlayDirty = true;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int rgb(Color c) {
    return ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }
}
