package org.nvlab.viz.editor;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/**
 * The editors of an open project in one panel: a choice of vesicle type, then tabs for the type's
 * fields, its kernel (with the preview), its release operators, and the host network. A line at the
 * bottom says what became of the last change (the application tells it: applied at the next tick,
 * or waiting for a reset).
 *
 * <p>The pane edits a {@link ProjectDocument} and nothing else; undo and redo are the document's.
 */
public final class EditorsPane extends VBox {
  private static final String CSS =
      EditorsPane.class.getResource("editors.css") == null
          ? null
          : EditorsPane.class.getResource("editors.css").toExternalForm();

  private final IntegerProperty type = new SimpleIntegerProperty(this, "type", 0);
  private final ComboBox<String> typeChoice = new ComboBox<>();
  private final VesicleTypeEditor typeEditor = new VesicleTypeEditor(type);
  private final KernelEditor kernelEditor = new KernelEditor(type);
  private final ReleaseEditor releaseEditor = new ReleaseEditor(type);
  private final HostEditor hostEditor = new HostEditor();
  private final TabPane tabs = new TabPane();
  private final Label note = new Label();
  private final Label empty = new Label("Open a project to edit it.");
  private final ProjectDocument.Listener listener = c -> updateTypes();
  private ProjectDocument doc;
  private boolean updating;

  public EditorsPane() {
    setId("editorsPane");
    getStyleClass().add("editors-pane");
    if (CSS != null) {
      getStylesheets().add(CSS);
    }
    Label title = new Label("Edit");
    title.getStyleClass().add("section-title");
    typeChoice.setId("typeChoice");
    typeChoice
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating && b.intValue() >= 0) {
                type.set(b.intValue());
              }
            });
    type.addListener(
        (o, a, b) -> {
          if (!updating) {
            updating = true;
            typeChoice.getSelectionModel().select(b.intValue());
            updating = false;
          }
        });
    HBox top = new HBox(8, title, new Label("Vesicle type"), typeChoice);
    top.setAlignment(Pos.CENTER_LEFT);

    ScrollPane typeScroll = new ScrollPane(typeEditor);
    typeScroll.setFitToWidth(true);
    ScrollPane releaseScroll = new ScrollPane(releaseEditor);
    releaseScroll.setFitToWidth(true);
    ScrollPane hostScroll = new ScrollPane(hostEditor);
    hostScroll.setFitToWidth(true);
    tabs.getTabs()
        .addAll(
            tab("typeTab", "Type", typeScroll),
            tab("kernelTab", "Kernel", kernelEditor),
            tab("releaseTab", "Release", releaseScroll),
            tab("hostTab", "Host", hostScroll));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    note.setId("editNote");
    note.setWrapText(true);
    note.getStyleClass().add("editor-note");
    empty.getStyleClass().add("hint");
    getChildren().addAll(top, empty, tabs, note);
    setSpacing(6);
    setPadding(new Insets(8));
    setPrefWidth(420);
    setMinWidth(300);
    setDocument(null);
  }

  private static Tab tab(String id, String text, javafx.scene.Node content) {
    Tab t = new Tab(text, content);
    t.setId(id);
    return t;
  }

  /** Edits another project (null: none; the editors are then disabled). */
  public void setDocument(ProjectDocument d) {
    doc = ProjectDocument.follow(doc, d, listener);
    updating = true;
    type.set(0);
    updating = false;
    typeEditor.setDocument(d);
    kernelEditor.setDocument(d);
    releaseEditor.setDocument(d);
    hostEditor.setDocument(d);
    updateTypes();
    tabs.setDisable(d == null);
    empty.setVisible(d == null);
    empty.setManaged(d == null);
    note.setText("");
  }

  public ProjectDocument document() {
    return doc;
  }

  private void updateTypes() {
    List<String> names =
        doc == null ? List.of() : doc.spec().vesicleTypes().stream().map(TypeSpec::name).toList();
    updating = true;
    try {
      typeChoice.getItems().setAll(names);
      int k = Math.min(type.get(), names.size() - 1);
      if (k >= 0) {
        typeChoice.getSelectionModel().select(k);
      }
      if (k != type.get() && k >= 0) {
        type.set(k);
      }
    } finally {
      updating = false;
    }
    typeChoice.setDisable(names.isEmpty());
  }

  /** Says what became of the last change ("applied at the next tick", "on reset"). */
  public void showNote(String text) {
    note.setText(text == null ? "" : text);
  }

  /** The selected vesicle type's index. */
  public IntegerProperty typeProperty() {
    return type;
  }

  /** The kernel preview's values, for the graph view to draw and to set the node from clicks. */
  public KernelPreviewModel kernelPreview() {
    return kernelEditor.previewModel();
  }

  /** Where kernel previews take activations from (the latest snapshot's, in the window). */
  public void setActivationSource(Supplier<float[]> source) {
    kernelEditor.previewModel().setActivationSource(source);
  }

  public TabPane tabs() {
    return tabs;
  }

  public KernelEditor kernelEditor() {
    return kernelEditor;
  }

  public VesicleTypeEditor typeEditor() {
    return typeEditor;
  }

  public ReleaseEditor releaseEditor() {
    return releaseEditor;
  }

  public HostEditor hostEditor() {
    return hostEditor;
  }

  /** Stops the kernel preview's thread. */
  public void dispose() {
    kernelEditor.dispose();
  }
}
