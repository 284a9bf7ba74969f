package org.nvlab.viz.editor;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;

/**
 * The host network (model.md section 1) as {@link HostFields} declares it: its kind (rate or
 * spiking), the graph builder and its size (layers, grid, random graphs), the initial weights, the
 * units' settings, memory width and decays. A different host is a different run, so every change
 * here takes effect when the run is reset; the editor says so.
 */
public final class HostEditor extends VBox {
  private final DocumentForm form;

  public HostEditor() {
    setId("hostEditor");
    form = new DocumentForm("hostSheet", item -> "host " + item.getName(), () -> "/host");
    form.setTables(List.of(HostFields.of()));
    Label note =
        new Label(
            "The host is the run's structure: changes here take effect when the run is reset"
                + " (Run > Reset, Ctrl+R).");
    note.setId("hostResetNote");
    note.setWrapText(true);
    note.getStyleClass().add("editor-note");
    getChildren().addAll(note, form.node());
    VBox.setVgrow(form.node(), Priority.ALWAYS);
    setSpacing(6);
    setPadding(new Insets(8));
  }

  public void setDocument(ProjectDocument d) {
    form.setDocument(d);
  }

  public DocumentForm form() {
    return form;
  }
}
