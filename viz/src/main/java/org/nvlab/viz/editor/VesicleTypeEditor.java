package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/**
 * The selected vesicle type's own fields in a ControlsFX property sheet: name, dimensions, cap,
 * absorbing nodes; emission (model.md 3), lifetime (7), docking (5) and the internal state, as
 * {@link TypeFields} declares them; and buttons to add and remove types. The name, the dimensions
 * and adding or removing a type change the run's structure and take effect on reset; the rest
 * applies at the next tick.
 */
public final class VesicleTypeEditor extends VBox {
  private final IntegerProperty type;
  private final DocumentForm form;
  private final ProblemView problem = new ProblemView("typeButtonsProblem");
  private ProjectDocument doc;

  public VesicleTypeEditor(IntegerProperty type) {
    this.type = type;
    setId("typeEditor");
    form =
        new DocumentForm(
            "typeSheet",
            item -> typeName() + ": " + item.getName(),
            () -> Fields.typePointer(type.get()));
    Button add = new Button("Add type");
    add.setId("addType");
    add.setTooltip(new Tooltip("A new vesicle type with default rules (takes effect on reset)"));
    add.setOnAction(e -> addType());
    Button remove = new Button("Remove type");
    remove.setId("removeType");
    remove.setTooltip(new Tooltip("Removes the selected type (takes effect on reset)"));
    remove.setOnAction(e -> removeType());
    HBox buttons = new HBox(8, add, remove);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label note =
        new Label(
            "Rules apply to the running model at its next tick; the name, dimensions and"
                + " added or removed types on reset.");
    note.setWrapText(true);
    note.getStyleClass().add("hint");
    getChildren().addAll(note, form.node(), problem, buttons);
    VBox.setVgrow(form.node(), Priority.ALWAYS);
    setSpacing(6);
    setPadding(new Insets(8));
    form.setTables(TypeFields.of(type::get));
    type.addListener((o, a, b) -> form.refresh());
  }

  public void setDocument(ProjectDocument d) {
    doc = d;
    problem.clear();
    form.setDocument(d);
  }

  public DocumentForm form() {
    return form;
  }

  private String typeName() {
    if (doc == null) {
      return "type";
    }
    TypeSpec ts = Fields.type(doc.spec(), type.get());
    return ts == null ? "type" : ts.name();
  }

  private void addType() {
    if (doc == null) {
      return;
    }
    List<String> names = Fields.typeNames(doc.spec());
    String name = "type" + (names.size() + 1);
    for (int k = 2; names.contains(name); k++) {
      name = "type" + (names.size() + k);
    }
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("name", name);
    t.put("payloadDim", 1);
    int index = names.size();
    ProjectDocument.Result r =
        doc.apply(ProjectEdit.insert("/vesicleTypes/-", t).labelled("add type " + name));
    if (r.refused()) {
      problem.problems("Type not added:", r.problems(), "");
    } else {
      problem.clear();
      type.set(index);
    }
  }

  private void removeType() {
    if (doc == null || doc.spec().vesicleTypes().isEmpty()) {
      return;
    }
    int k = type.get();
    String name = typeName();
    ProjectDocument.Result r =
        doc.apply(ProjectEdit.remove(Fields.typePointer(k)).labelled("remove type " + name));
    if (r.refused()) {
      problem.problems("Type '" + name + "' not removed:", r.problems(), "");
    } else {
      problem.clear();
      type.set(Math.max(0, Math.min(k, doc.spec().vesicleTypes().size() - 1)));
    }
  }
}
