package org.nvlab.viz.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.nvlab.core.preview.KernelPreview;
import org.nvlab.viz.Palette;

/**
 * The kernel preview in the kernel editor: the moves from a chosen node with their probabilities,
 * and the stationary distribution as a bar per node (the chosen node's bar outlined), with the
 * nodes that hold the most of it named. The same values are in {@link KernelPreviewModel} for the
 * graph view to draw.
 */
public final class KernelPreviewPane extends VBox {
  private static final int MOVES_SHOWN = 12;
  private final KernelPreviewModel model;
  private final Spinner<Integer> node = new Spinner<>();
  private final SpinnerValueFactory.IntegerSpinnerValueFactory nodes =
      new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0);
  private final ListView<String> moves = new ListView<>();
  private final Canvas bars = new Canvas(360, 56);
  private final Label summary = new Label();
  private final Label message = new Label();

  public KernelPreviewPane(KernelPreviewModel model) {
    this.model = model;
    setId("kernelPreview");
    setSpacing(6);
    moves.setId("previewMoves");
    moves.getStyleClass().add("preview-moves");
    moves.setPrefHeight(150);
    moves.setFocusTraversable(false);

    Label stationaryTitle = new Label("Stationary distribution (one bar per node)");
    stationaryTitle.getStyleClass().add("hint");
    Pane barPane = new Pane(bars);
    barPane.setMinHeight(bars.getHeight());
    bars.widthProperty().bind(barPane.widthProperty());
    bars.widthProperty().addListener((o, a, b) -> draw());
    summary.setId("previewSummary");
    summary.setWrapText(true);
    message.setId("previewMessage");
    message.setWrapText(true);
    message.getStyleClass().add("hint");
    getChildren()
        .addAll(nodeRow(), message, moves, stationaryTitle, barPane, summary, shownOnGraph());

    model.previewProperty().addListener((o, a, b) -> update());
    model.transitionsProperty().addListener((o, a, b) -> update());
    model
        .messageProperty()
        .addListener(
            (o, a, b) -> {
              message.setText(b);
              message.setVisible(!b.isEmpty());
              message.setManaged(!b.isEmpty());
            });
    message.setVisible(false);
    message.setManaged(false);
    update();
  }

  /** The title, the node whose moves are listed (kept in step with the model's), Refresh. */
  private HBox nodeRow() {
    Label title = new Label("Preview");
    title.getStyleClass().add("section-title");
    node.setId("previewNode");
    node.setValueFactory(nodes);
    node.setEditable(true);
    node.setPrefWidth(90);
    node.setTooltip(new Tooltip("The node whose moves are listed (a click on the graph sets it)"));
    nodes
        .valueProperty()
        .addListener((o, a, b) -> model.selectedNodeProperty().set(b == null ? 0 : b));
    model.selectedNodeProperty().addListener((o, a, b) -> nodes.setValue(b.intValue()));
    Button refresh = new Button("Refresh");
    refresh.setId("previewRefresh");
    refresh.setTooltip(
        new Tooltip("Compute again with the latest activations (kernels that read node state)"));
    refresh.setOnAction(e -> model.refresh());
    HBox top = new HBox(8, title, new Label("From node"), node, refresh);
    top.setAlignment(Pos.CENTER_LEFT);
    return top;
  }

  /** What the graph view draws: one hop from the node, or the long run. */
  private HBox shownOnGraph() {
    ToggleGroup g = new ToggleGroup();
    RadioButton one = new RadioButton("one hop from the node");
    RadioButton longRun = new RadioButton("long run");
    one.setId("showTransitions");
    longRun.setId("showStationary");
    one.setToggleGroup(g);
    longRun.setToggleGroup(g);
    one.setSelected(true);
    g.selectedToggleProperty()
        .addListener(
            (o, a, b) ->
                model
                    .shownProperty()
                    .set(
                        b == longRun
                            ? KernelPreviewModel.Shown.STATIONARY
                            : KernelPreviewModel.Shown.TRANSITIONS));
    HBox row = new HBox(8, new Label("Graph shows"), one, longRun);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private void update() {
    KernelPreview p = model.previewProperty().get();
    int n = p == null ? 1 : p.nodeCount();
    nodes.setMax(Math.max(0, n - 1));
    List<String> lines = new ArrayList<>();
    int i = model.selectedNodeProperty().get();
    if (p != null && p.nodeLevel() && i >= 0 && i < n) {
      int[] dst = p.destinations(i);
      double[] prob = p.probabilities(i);
      Integer[] order = new Integer[dst.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(prob[b], prob[a]));
      for (int r = 0; r < Math.min(MOVES_SHOWN, order.length); r++) {
        int k = order[r];
        String where = k == 0 ? "stay at " + dst[k] : "to node " + dst[k];
        lines.add(String.format(Locale.ROOT, "%-16s %7.4f", where, prob[k]));
      }
      if (order.length > MOVES_SHOWN) {
        lines.add("... " + (order.length - MOVES_SHOWN) + " more moves");
      }
      if (p.hops() > 1) {
        lines.add("(one hop; a tick makes " + p.hops() + ")");
      }
      summary.setText(summary(p));
    } else {
      summary.setText("");
    }
    moves.getItems().setAll(lines);
    draw();
  }

  private static String summary(KernelPreview p) {
    double[] pi = p.stationary();
    Integer[] order = new Integer[pi.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(pi[b], pi[a]));
    StringBuilder b = new StringBuilder("Most time at ");
    for (int r = 0; r < Math.min(4, order.length); r++) {
      b.append(r == 0 ? "" : ", ")
          .append("node ")
          .append(order[r])
          .append(String.format(Locale.ROOT, " (%.3f)", pi[order[r]]));
    }
    b.append(p.converged() ? "; " : "; not settled after ")
        .append(p.iterations())
        .append(p.converged() ? " iterations" : " iterations (shown as it stands)");
    return b.toString();
  }

  private void draw() {
    GraphicsContext g = bars.getGraphicsContext2D();
    double w = bars.getWidth();
    double h = bars.getHeight();
    g.setFill(Palette.BACKGROUND);
    g.fillRect(0, 0, w, h);
    double[] pi = model.stationaryProperty().get();
    if (pi == null || pi.length == 0 || w <= 0) {
      return;
    }
    double max = 0;
    for (double v : pi) {
      max = Math.max(max, v);
    }
    double step = w / pi.length;
    int selected = model.selectedNodeProperty().get();
    for (int j = 0; j < pi.length; j++) {
      double bh = max > 0 ? (h - 4) * pi[j] / max : 0;
      g.setFill(Palette.type(0));
      g.fillRect(j * step, h - bh, Math.max(1, step - (step > 3 ? 1 : 0)), bh);
      if (j == selected) {
        g.setStroke(Color.WHITE);
        g.strokeRect(j * step, 1, Math.max(1, step - 1), h - 2);
      }
    }
  }
}
