package org.nvlab.viz.graph;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.nvlab.core.snapshot.Snapshot;

/**
 * What the graph view shows over the network besides the vesicles: the density of a vesicle type
 * instead of activations (the Density toggle and its type list), the kernel editor's preview as
 * node colours, the path of the vesicle being inspected, and the banner line that says what the
 * node colours show when it is not the usual (a density being computed or refused, a preview).
 *
 * <p>The density is asked for, not computed here: {@link #densityTypeProperty} names the type the
 * user chose, whoever runs the engine puts rho (or the reason there is none) into the snapshots,
 * and a snapshot that carries it is shown ({@link #showsDensityOf}). FX thread only.
 */
final class GraphOverlays {
  private final ToggleButton densityToggle = new ToggleButton("Density \u03c1");
  private final ComboBox<String> densityChoice = new ComboBox<>();
  private final Label banner = new Label();
  private final ObjectProperty<String> densityType;
  private double[] preview;
  private String previewLabel;
  private int[] path = new int[0];

  /**
   * @param bean the view the density property belongs to
   * @param densityAsked called after the user asked for another density (or for none)
   */
  GraphOverlays(Object bean, Runnable densityAsked) {
    densityType = new SimpleObjectProperty<>(bean, "densityType");
    banner.setManaged(false);
    banner.setMouseTransparent(true);
    banner.setWrapText(true);
    banner.setVisible(false);
    banner.setId("graphBanner");
    banner.setStyle(
        "-fx-background-color: rgba(40,32,20,0.92); -fx-text-fill: #f2d49b;"
            + " -fx-padding: 6 10 6 10; -fx-background-radius: 4;");
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
    Runnable ask =
        () -> {
          densityType.set(densityToggle.isSelected() ? densityChoice.getValue() : null);
          densityAsked.run();
        };
    densityToggle.selectedProperty().addListener((o, a, b) -> ask.run());
    densityChoice.valueProperty().addListener((o, a, b) -> ask.run());
  }

  ToggleButton densityToggle() {
    return densityToggle;
  }

  ComboBox<String> densityChoice() {
    return densityChoice;
  }

  Label banner() {
    return banner;
  }

  /** The vesicle type whose density the user asked to see (null: activations). */
  ObjectProperty<String> densityTypeProperty() {
    return densityType;
  }

  /** True when the snapshot carries the density the user asked for. */
  boolean showsDensityOf(Snapshot s) {
    String wanted = densityType.get();
    return wanted != null
        && s.densityType() >= 0
        && wanted.equals(s.typeNames().get(s.densityType()));
  }

  /** Keeps the type list in step with the project's types. */
  void updateTypes(Snapshot s) {
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

  /**
   * The banner for snapshot {@code s}: why the density asked for is not shown yet (or cannot be),
   * else the preview shown, else none. True when its text or visibility changed (lay it out).
   */
  boolean updateBanner(Snapshot s) {
    String wanted = densityType.get();
    String text = null;
    if (wanted != null) {
      if (s.densityProblem() != null) {
        text = "The density of '" + wanted + "' cannot be shown: " + s.densityProblem();
      } else if (!showsDensityOf(s)) {
        text = "Computing the density of '" + wanted + "'...";
      }
    }
    if (text == null && preview != null) {
      text = "Node colours: the " + previewLabel + ", the Kernel tab's preview";
    }
    String shown = text == null ? "" : text;
    if (!shown.equals(banner.getText()) || banner.isVisible() != (text != null)) {
      banner.setText(shown);
      banner.setVisible(text != null);
      return true;
    }
    return false;
  }

  void hideBanner() {
    banner.setVisible(false);
  }

  /** The line shown over the graph, or null. */
  String bannerText() {
    return banner.isVisible() ? banner.getText() : null;
  }

  /** Places the banner centred at the top of the graph area, at most 640 px wide. */
  void layoutBanner(double width, double graphTop) {
    double bw = Math.min(Math.max(0, width - 24), 640);
    banner.setMaxWidth(bw);
    double bh = banner.prefHeight(bw);
    banner.resizeRelocate((width - bw) / 2, graphTop + 6, bw, bh);
  }

  /** Per-node values to colour the nodes by, with what they are; null values: none. */
  void setPreview(String label, double[] values) {
    preview = values;
    previewLabel = values == null ? null : label;
  }

  /** The preview's values, or null. */
  double[] preview() {
    return preview;
  }

  /** What the preview shows, or null when none is shown. */
  String previewLabel() {
    return previewLabel;
  }

  /** The inspected vesicle's path (null or empty: none); true when it changed. */
  boolean setPath(int[] nodes) {
    int[] p = nodes == null ? new int[0] : nodes.clone();
    if (Arrays.equals(p, path)) {
      return false;
    }
    path = p;
    return true;
  }

  /** The nodes the inspected vesicle visited, oldest first (an empty array: none). */
  int[] path() {
    return path;
  }
}
