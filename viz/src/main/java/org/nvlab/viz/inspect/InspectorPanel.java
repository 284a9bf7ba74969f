package org.nvlab.viz.inspect;

import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.VesicleDetail;

/**
 * The inspector: the state of one node (activation, error, gain and bias modulation, plasticity
 * gate, memory trace, the vesicles there) and of one vesicle (payload c, type kappa, location l,
 * lifetime left tau, state s, and the path it has taken since it was picked). It shows the details
 * the simulation service copies on its own thread; it never reads the simulation. A node is picked
 * in the graph or by number here; a vesicle from the node's list (or in the graph).
 */
public final class InspectorPanel extends ScrollPane {
  private final TextField nodeField = new TextField();
  private final GridPane nodeGrid = grid();
  private final ListView<NodeDetail.Here> here = new ListView<>();
  private final Label hereTitle = new Label("Vesicles here");
  private final GridPane vesicleGrid = grid();
  private final Label vesicleTitle = new Label("Vesicle: none picked");
  private IntConsumer onNode = n -> {};
  private LongConsumer onVesicle = id -> {};
  private NodeDetail shownNode;
  private VesicleDetail shownVesicle;
  private boolean shownGone;

  public InspectorPanel() {
    setId("inspector");
    setFitToWidth(true);
    nodeField.setId("inspectNodeField");
    nodeField.setPromptText("node #");
    nodeField.setPrefColumnCount(6);
    nodeField.setTextFormatter(
        new TextFormatter<String>(c -> c.getControlNewText().matches("[0-9]{0,9}") ? c : null));
    nodeField.setOnAction(
        e -> {
          String t = nodeField.getText().strip();
          onNode.accept(t.isEmpty() ? -1 : Integer.parseInt(t));
        });
    here.setId("hereList");
    here.setPrefHeight(140);
    here.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(NodeDetail.Here h, boolean empty) {
                super.updateItem(h, empty);
                setText(
                    empty || h == null
                        ? null
                        : h.typeName() + " #" + h.id() + (h.docked() ? "  (docked)" : ""));
              }
            });
    here.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                onVesicle.accept(b.id());
              }
            });
    Label nodeTitle = new Label("Node");
    nodeTitle.getStyleClass().add("section-title");
    vesicleTitle.getStyleClass().add("section-title");
    vesicleTitle.setId("vesicleTitle");
    hereTitle.getStyleClass().add("hint");
    // The title never shrinks; the hint goes first when the panel is narrow (it is a tooltip too).
    nodeTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    nodeField.setMinWidth(60);
    nodeField.setTooltip(
        new javafx.scene.control.Tooltip("A node number, then Enter; or click a node"));
    Label hint = new Label("Enter, or click a node");
    hint.getStyleClass().add("hint");
    hint.setMinWidth(0);
    HBox pick = new HBox(6, nodeTitle, nodeField, hint);
    pick.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox box = new VBox(8, pick, nodeGrid, hereTitle, here, vesicleTitle, vesicleGrid);
    box.setPadding(new Insets(8));
    VBox.setVgrow(here, Priority.SOMETIMES);
    setContent(box);
    getStyleClass().add("inspector");
    showNode(null);
    showVesicle(null, false);
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(2);
    return g;
  }

  /** Called with the node number typed or clicked (-1: none). */
  public void setOnNodeChosen(IntConsumer c) {
    onNode = c;
  }

  /** Called with the id of a vesicle picked from the node's list. */
  public void setOnVesicleChosen(LongConsumer c) {
    onVesicle = c;
  }

  /** Shows the newest details (FX thread); unchanged details are not redrawn. */
  public void show(NodeDetail node, VesicleDetail vesicle, boolean gone) {
    if (node != shownNode) {
      showNode(node);
    }
    if (vesicle != shownVesicle || gone != shownGone) {
      showVesicle(vesicle, gone);
    }
  }

  /** Shows a node as picked (the number in the field), e.g. after a click in the graph. */
  public void pickNode(int node) {
    nodeField.setText(node < 0 ? "" : Integer.toString(node));
  }

  private void showNode(NodeDetail d) {
    shownNode = d;
    nodeGrid.getChildren().clear();
    if (d == null) {
      row(nodeGrid, 0, "", "pick a node to see its state");
      here.getItems().clear();
      hereTitle.setText("Vesicles here");
      return;
    }
    int r = 0;
    row(
        nodeGrid,
        r++,
        "node",
        d.node() + "   (in " + d.inDegree() + ", out " + d.outDegree() + ")");
    row(nodeGrid, r++, "tick", Integer.toString(d.tick()));
    row(nodeGrid, r++, "activation a", num(d.activation()));
    row(nodeGrid, r++, "error e", num(d.error()));
    row(nodeGrid, r++, "gain gamma", num(d.gamma()));
    row(nodeGrid, r++, "bias beta", num(d.beta()));
    row(nodeGrid, r++, "gate g", num(d.gate()));
    row(nodeGrid, r++, "spike", num(d.spike()));
    row(nodeGrid, r, "memory M", vector(d.memory()));
    hereTitle.setText(
        "Vesicles here: "
            + d.hereCount()
            + (d.hereCount() > d.here().size() ? " (first " + d.here().size() + " listed)" : ""));
    NodeDetail.Here picked = here.getSelectionModel().getSelectedItem();
    here.getItems().setAll(d.here());
    if (picked != null && d.here().contains(picked)) {
      here.getSelectionModel().select(picked);
    }
  }

  private void showVesicle(VesicleDetail v, boolean gone) {
    shownVesicle = v;
    shownGone = gone;
    vesicleGrid.getChildren().clear();
    if (v == null) {
      vesicleTitle.setText("Vesicle: none picked");
      return;
    }
    vesicleTitle.setText(
        "Vesicle #" + v.id() + (gone ? "  (gone: it released or died; last seen below)" : ""));
    int r = 0;
    row(vesicleGrid, r++, "type kappa", v.typeName() + " (" + v.type() + ")");
    row(vesicleGrid, r++, "location l", v.node() + (v.docked() ? " (docked)" : ""));
    row(vesicleGrid, r++, "lifetime left tau", v.ticksLeft() + " ticks");
    if (v.docked()) {
      row(vesicleGrid, r++, "releases left", Integer.toString(v.dwellLeft()));
    }
    row(vesicleGrid, r++, "payload c", vector(v.payload()));
    row(vesicleGrid, r++, "|c|", num(v.payloadNorm()));
    row(vesicleGrid, r++, "state s", v.state().length == 0 ? "(none)" : vector(v.state()));
    row(vesicleGrid, r, "path", path(v.path()));
  }

  private static void row(GridPane g, int r, String name, String value) {
    Label k = new Label(name);
    k.getStyleClass().add("hint");
    Label v = new Label(value);
    v.setWrapText(true);
    v.setId("inspect-" + name.replace(' ', '-'));
    g.add(k, 0, r);
    g.add(v, 1, r);
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  private static String vector(float[] v) {
    if (v.length == 0) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      if (i == 16) {
        b.append("... ").append(v.length - 16).append(" more");
        break;
      }
      b.append(num(v[i]));
    }
    return b.append(')').toString();
  }

  /** The last nodes of a path, oldest first ("... 3 -> 7 -> 12"). */
  private static String path(int[] p) {
    if (p.length == 0) {
      return "(not moved yet)";
    }
    StringBuilder b = new StringBuilder();
    int from = Math.max(0, p.length - 24);
    if (from > 0) {
      b.append("... ");
    }
    for (int i = from; i < p.length; i++) {
      if (i > from) {
        b.append(" -> ");
      }
      b.append(p[i]);
    }
    return b.append("   (").append(p.length).append(" ticks)").toString();
  }

  /** The detail shown now (for tests). */
  public NodeDetail shownNode() {
    return shownNode;
  }

  public VesicleDetail shownVesicle() {
    return shownVesicle;
  }

  public ListView<NodeDetail.Here> hereList() {
    return here;
  }
}
