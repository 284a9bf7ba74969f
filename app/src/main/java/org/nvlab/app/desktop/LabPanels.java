package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.chart.ChartsPanel;
import org.nvlab.viz.editor.EditorsPane;
import org.nvlab.viz.editor.KernelPreviewModel;
import org.nvlab.viz.graph.GraphSelection;
import org.nvlab.viz.graph.GraphView;
import org.nvlab.viz.inspect.InspectorPanel;

/**
 * The window's panels, laid out in its {@link #root}: the sample list on the left, the network view
 * in the middle (with the timeline under it) and the charts and the inspector beside it (one above
 * the other), and the editors on the right. The View menu's check items say which are shown; the
 * graph always is. A click in the graph goes to the inspector and becomes the kernel preview's
 * start node; while the kernel editor is shown, its preview colours the graph. Each pulse the
 * panels take what the service published. FX thread only.
 */
final class LabPanels {
  private final SimulationService service;
  private final EditorsPane editors;
  private final EditSession editing;
  private final GraphView graphView = new GraphView();
  private final ChartsPanel chart = new ChartsPanel();
  private final InspectorPanel inspector = new InspectorPanel();
  private final TimelineBar timeline;
  private final ListView<Path> sampleList = new ListView<>();
  private final VBox samplesPanel;
  private final SplitPane sideSplit = new SplitPane();
  private final SplitPane centreSplit = new SplitPane();
  private final BorderPane root = new BorderPane();
  private final VBox graphColumn;
  private final CheckMenuItem samplesItem = new CheckMenuItem("Samples");
  private final CheckMenuItem chartsItem = new CheckMenuItem("Charts");
  private final CheckMenuItem inspectorItem = new CheckMenuItem("Inspector");

  /**
   * @param open opens a project picked in the sample list
   * @param background runs the charts' exports in the background
   */
  LabPanels(
      SimulationService service,
      EditorsPane editors,
      EditSession editing,
      Path samplesFolder,
      Consumer<Path> open,
      Consumer<Task<?>> background,
      Consumer<String> say) {
    this.service = service;
    this.editors = editors;
    this.editing = editing;
    this.timeline = new TimelineBar(service, say);
    root.setId("labRoot");
    samplesItem.setId("samplesPanelItem");
    samplesItem.setSelected(true);
    chartsItem.setId("chartsPanelItem");
    chartsItem.setSelected(true);
    inspectorItem.setId("inspectorPanelItem");
    inspectorItem.setSelected(false);
    for (CheckMenuItem item : List.of(samplesItem, chartsItem, inspectorItem)) {
      item.selectedProperty().addListener((o, a, b) -> showPanels());
    }
    samplesPanel = sampleBrowser(samplesFolder, open);
    graphView.setId("graphView");
    graphView.densityTypeProperty().addListener((o, a, b) -> service.showDensity(b));
    graphView.selectionProperty().addListener((o, a, b) -> selected(b));
    graphView.clear(
        samplesFolder == null
            ? "Open a project folder: File > Open project folder..."
            : "Double-click a sample on the left, or File > Open project folder...");
    var preview = editors.kernelPreview();
    InvalidationListener overlay = o -> showKernelPreview();
    preview.shownValuesProperty().addListener(overlay);
    preview.shownProperty().addListener(overlay);
    preview.selectedNodeProperty().addListener(overlay);
    editors.tabs().getSelectionModel().selectedItemProperty().addListener(overlay);
    editing.showItem().selectedProperty().addListener(overlay);
    chart.setId("chartsPanel");
    chart.setTaskRunner(background);
    sideSplit.setOrientation(Orientation.VERTICAL);
    sideSplit.setId("sideSplit");
    inspector.setOnNodeChosen(service::inspectNode);
    inspector.setOnVesicleChosen(service::inspectVesicle);
    VBox.setVgrow(graphView, Priority.ALWAYS);
    graphColumn = new VBox(graphView, timeline.node());
    graphColumn.setMinSize(0, 0);
    centreSplit.getItems().setAll(graphColumn, sideSplit);
    SplitPane.setResizableWithParent(sideSplit, false);
    root.setCenter(centreSplit);
    root.setRight(editors);
    showPanels();
  }

  /** The layout: left, centre and right are the panels' (the window adds top and bottom). */
  BorderPane root() {
    return root;
  }

  /** View > Samples, Charts and Inspector. */
  CheckMenuItem samplesItem() {
    return samplesItem;
  }

  CheckMenuItem chartsItem() {
    return chartsItem;
  }

  CheckMenuItem inspectorItem() {
    return inspectorItem;
  }

  private VBox sampleBrowser(Path samplesFolder, Consumer<Path> open) {
    Label title = new Label("Samples");
    title.getStyleClass().add("section-title");
    sampleList.setId("sampleList");
    sampleList.getItems().setAll(SampleProjects.list(samplesFolder));
    sampleList.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : SampleProjects.displayName(item));
              }
            });
    sampleList.setOnMouseClicked(
        e -> {
          Path p = sampleList.getSelectionModel().getSelectedItem();
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && p != null) {
            open.accept(p);
          }
        });
    sampleList.setOnKeyPressed(
        e -> {
          Path p = sampleList.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            open.accept(p);
            e.consume();
          }
        });
    Label hint = new Label("Double-click to open");
    hint.getStyleClass().add("hint");
    VBox box = new VBox(6, title, sampleList, hint);
    VBox.setVgrow(sampleList, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    box.setPrefWidth(190);
    box.getStyleClass().add("side-panel");
    return box;
  }

  /** The sample list has the keyboard (Enter opens, Space plays). */
  void focusSamples() {
    sampleList.requestFocus();
  }

  /** Marks the open project in the sample list when it is one of the samples. */
  void showOpen(Path location) {
    if (location != null && sampleList.getItems().contains(location)) {
      sampleList.getSelectionModel().select(location);
    } else {
      sampleList.getSelectionModel().clearSelection();
    }
  }

  /** Shows the panels the View menu has ticked (the graph always stays). */
  private void showPanels() {
    root.setLeft(samplesItem.isSelected() ? samplesPanel : null);
    List<Node> side = new ArrayList<>();
    if (chartsItem.isSelected()) {
      side.add(chart);
    }
    if (inspectorItem.isSelected()) {
      side.add(inspector);
    }
    if (!sideSplit.getItems().equals(side)) {
      sideSplit.getItems().setAll(side);
      if (side.size() == 2) {
        sideSplit.setDividerPositions(0.62);
      }
    }
    boolean any = !side.isEmpty();
    if (any && !centreSplit.getItems().contains(sideSplit)) {
      centreSplit.getItems().add(sideSplit);
    } else if (!any) {
      centreSplit.getItems().remove(sideSplit);
    }
    if (any) {
      centreSplit.setDividerPositions(0.64);
    }
  }

  /**
   * Once per pulse: the metric rows of the ticks run since into the charts, the inspected node and
   * vesicle into the inspector (and the vesicle's path onto the graph).
   */
  void pulse() {
    for (Long closed : service.takeClosedRuns()) {
      chart.closeRun(closed);
    }
    for (MetricRows rows : service.takeMetricRows()) {
      chart.accept(rows);
    }
    chart.showSpikes(service.spikes());
    timeline.pulse();
    if (inspectorItem.isSelected()) {
      var vesicle = service.vesicleDetail();
      inspector.show(service.nodeDetail(), vesicle, service.vesicleGone());
      graphView.setVesiclePath(vesicle == null ? null : vesicle.path());
    } else {
      graphView.setVesiclePath(null);
    }
  }

  /** A new snapshot: the graph draws it. */
  void show(Snapshot s) {
    graphView.show(s);
  }

  /** Shows the inspector panel and picks a node in it (as a click in the graph does). */
  void inspectNode(int node) {
    inspectorItem.setSelected(true);
    inspector.pickNode(node);
    service.inspectNode(node);
  }

  /**
   * While the kernel editor is shown, the graph colours the nodes by its preview: the probability
   * of each node one hop from the chosen node, or the stationary distribution.
   */
  private void showKernelPreview() {
    var preview = editors.kernelPreview();
    var tab = editors.tabs().getSelectionModel().getSelectedItem();
    double[] values = preview.shownValuesProperty().get();
    boolean on =
        editing.showItem().isSelected()
            && tab != null
            && "kernelTab".equals(tab.getId())
            && values != null;
    if (!on) {
      graphView.setNodeOverlay(null, null);
      return;
    }
    String label =
        preview.shownProperty().get() == KernelPreviewModel.Shown.STATIONARY
            ? "kernel's stationary distribution \u03c0"
            : "kernel's P(one hop from node " + preview.selectedNodeProperty().get() + ")";
    graphView.setNodeOverlay(label, values);
  }

  /**
   * A click in the graph: a node or a vesicle goes to the inspector (shown if hidden), and a node
   * becomes the kernel preview's start node.
   */
  private void selected(GraphSelection sel) {
    if (sel == null || sel.isEmpty()) {
      return;
    }
    editors.kernelPreview().selectedNodeProperty().set(sel.node());
    inspectNode(sel.node());
    if (sel.isVesicle()) {
      service.inspectVesicle(sel.vesicleId());
    }
  }

  GraphView graphView() {
    return graphView;
  }

  ChartsPanel chart() {
    return chart;
  }

  TimelineBar timeline() {
    return timeline;
  }

  InspectorPanel inspector() {
    return inspector;
  }

  /** Lets go of the views' threads and listeners. */
  void dispose() {
    graphView.dispose();
    chart.dispose();
    editors.dispose();
  }
}
