package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The release operators of the selected type (model.md section 6): the list in the order they
 * apply, buttons to add one of each kind, remove and reorder them, and a property sheet for the
 * selected one as {@link ReleaseFields} declares it: its readouts as numbers or as expressions
 * (checked while typed), a cascade's child type, count and payload map (transform, offset, phi, or
 * the node's memory), and so on. All of it applies to the running model at its next tick.
 */
public final class ReleaseEditor extends VBox {
  private final IntegerProperty type;
  private final ListView<String> list = new ListView<>();
  private final DocumentForm form;
  private final ProblemView problem = new ProblemView("releaseButtonsProblem");
  private final ProjectDocument.Listener listener = c -> refresh();
  private ProjectDocument doc;
  private boolean updating;

  public ReleaseEditor(IntegerProperty type) {
    this.type = type;
    setId("releaseEditor");
    form =
        new DocumentForm(
            "releaseSheet",
            item -> typeName() + ": release " + selected() + " " + item.getName(),
            () -> Fields.typePointer(type.get()) + "/release/" + selected());
    form.setTables(List.of(ReleaseFields.of(type::get, this::selected)));
    list.setId("releaseList");
    list.setPrefHeight(110);
    list.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                refresh();
              }
            });
    MenuButton add = new MenuButton("Add");
    add.setId("addRelease");
    for (ReleaseKind kind : ReleaseKind.ALL) {
      MenuItem m = new MenuItem(kind.id() + ": " + kind.help());
      m.setId("addRelease-" + kind.id());
      m.setOnAction(e -> add(kind.id()));
      add.getItems().add(m);
    }
    Button remove = new Button("Remove");
    remove.setId("removeRelease");
    remove.setOnAction(e -> remove());
    Button up = new Button("Up");
    up.setId("releaseUp");
    up.setTooltip(new Tooltip("Apply earlier (operators apply in list order)"));
    up.setOnAction(e -> move(-1));
    Button down = new Button("Down");
    down.setId("releaseDown");
    down.setOnAction(e -> move(1));
    HBox buttons = new HBox(6, add, remove, up, down);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label help =
        new Label(
            "A readout is d numbers (its effect is their dot product with the released payload) or"
                + " an expression over c, n, a_i, e_i, g_i, m_i.");
    help.setWrapText(true);
    help.getStyleClass().add("hint");
    getChildren().addAll(list, buttons, problem, help, form.node());
    VBox.setVgrow(form.node(), Priority.ALWAYS);
    setSpacing(6);
    setPadding(new Insets(8));
    type.addListener((o, a, b) -> refresh());
  }

  public void setDocument(ProjectDocument d) {
    doc = ProjectDocument.follow(doc, d, listener);
    problem.clear();
    form.setDocument(d);
    refresh();
  }

  public DocumentForm form() {
    return form;
  }

  private TypeSpec typeSpec() {
    if (doc == null) {
      return null;
    }
    return Fields.type(doc.spec(), type.get());
  }

  private String typeName() {
    TypeSpec ts = typeSpec();
    return ts == null ? "type" : ts.name();
  }

  private int selected() {
    return Math.max(0, list.getSelectionModel().getSelectedIndex());
  }

  private String base() {
    return Fields.typePointer(type.get()) + "/release";
  }

  private void refresh() {
    TypeSpec ts = typeSpec();
    List<ReleaseSpec> ops = ts == null ? List.of() : ts.release();
    List<String> lines = new ArrayList<>();
    JsonNode raw = doc == null ? null : doc.get(base());
    for (int k = 0; k < ops.size(); k++) {
      lines.add(k + "  " + summary(ops.get(k), raw == null ? null : raw.get(k)));
    }
    int keep = list.getSelectionModel().getSelectedIndex();
    updating = true;
    try {
      list.getItems().setAll(lines);
      if (!lines.isEmpty()) {
        list.getSelectionModel().select(Math.max(0, Math.min(keep, lines.size() - 1)));
      }
    } finally {
      updating = false;
    }
    form.refresh();
    form.node().setVisible(list.getSelectionModel().getSelectedIndex() >= 0);
  }

  private static String summary(ReleaseSpec r, JsonNode raw) {
    StringBuilder b = new StringBuilder(r.kind());
    if (raw != null) {
      List<String> parts = new ArrayList<>();
      raw.fields()
          .forEachRemaining(
              f -> {
                if (!f.getKey().equals("kind")) {
                  String v = FieldText.format(f.getValue());
                  parts.add(f.getKey() + " " + (v.length() > 24 ? v.substring(0, 23) + "..." : v));
                }
              });
      if (!parts.isEmpty()) {
        b.append(": ").append(String.join("; ", parts));
      }
    }
    return b.toString();
  }

  private void add(String kind) {
    TypeSpec ts = typeSpec();
    if (ts == null) {
      return;
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode op = f.objectNode();
    op.put("kind", kind);
    ArrayNode zeros = f.arrayNode();
    for (int k = 0; k < ts.payloadDim(); k++) {
      zeros.add(0);
    }
    switch (kind) {
      case "activation" -> op.set("gain", zeros);
      case "parameter" -> {
        op.put("mode", "multiplicative");
        op.put("eta", 0.1);
        op.set("h", zeros);
      }
      case "learning" -> op.set("l", zeros);
      case "memory" -> op.put("omega", 0.1);
      default -> op.put("child", ts.name()); // a chain reaction of its own kind until changed
    }
    int at = ts.release().size();
    ProjectDocument.Result r =
        doc.apply(
            ProjectEdit.insert(base() + "/-", op)
                .labelled(ts.name() + ": add " + kind + " release"));
    if (r.refused()) {
      problem.problems(
          "No " + kind + " release added:", r.problems(), Fields.typePointer(type.get()));
    } else {
      problem.clear();
      list.getSelectionModel().select(at);
    }
  }

  private void remove() {
    int r = list.getSelectionModel().getSelectedIndex();
    if (doc == null || r < 0) {
      return;
    }
    ProjectDocument.Result res =
        doc.apply(
            ProjectEdit.remove(base() + "/" + r).labelled(typeName() + ": remove release " + r));
    if (res.refused()) {
      problem.problems(
          "Release " + r + " not removed:", res.problems(), Fields.typePointer(type.get()));
    } else {
      problem.clear();
    }
  }

  private void move(int by) {
    int r = list.getSelectionModel().getSelectedIndex();
    int to = r + by;
    if (doc == null || r < 0 || to < 0 || to >= list.getItems().size()) {
      return;
    }
    JsonNode op = doc.get(base() + "/" + r);
    ProjectDocument.Result res =
        doc.apply(
            ProjectEdit.compound(
                typeName() + ": move release " + r,
                ProjectEdit.remove(base() + "/" + r),
                ProjectEdit.insert(base() + "/" + to, op)));
    if (res.refused()) {
      problem.problems(
          "Release " + r + " not moved:", res.problems(), Fields.typePointer(type.get()));
    } else {
      problem.clear();
      list.getSelectionModel().select(to);
    }
  }
}
