package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The release operators of the selected type (model.md section 6): the list in the order they
 * apply, buttons to add one of each kind, remove and reorder them, and a property sheet for the
 * selected one: its readouts as numbers or as expressions (checked while typed), a cascade's child
 * type, count and payload map (transform, offset, phi, or the node's memory), and so on. All of it
 * applies to the running model at its next tick.
 */
public final class ReleaseEditor extends VBox {
  private static final List<String> KINDS = ReleaseKind.ids();

  private final IntegerProperty type;
  private final ListView<String> list = new ListView<>();
  private final DocumentForm form;
  private final ProblemView problem = new ProblemView("releaseButtonsProblem");
  private final ProjectDocument.Listener listener = c -> refresh();
  private ProjectDocument doc;
  private String shape = "";
  private boolean updating;

  public ReleaseEditor(IntegerProperty type) {
    this.type = type;
    setId("releaseEditor");
    form =
        new DocumentForm(
            "releaseSheet",
            item -> typeName() + ": release " + selected() + " " + item.getName(),
            () -> Fields.typePointer(type.get()) + "/release/" + selected());
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
    for (String kind : KINDS) {
      MenuItem m = new MenuItem(kind);
      m.setId("addRelease-" + kind);
      m.setOnAction(e -> add(kind));
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
    shape = "";
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
    List<TypeSpec> ts = doc.spec().vesicleTypes();
    int k = type.get();
    return k >= 0 && k < ts.size() ? ts.get(k) : null;
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
    int r = list.getSelectionModel().getSelectedIndex();
    String kind = r >= 0 && r < ops.size() ? ops.get(r).kind() : "";
    String now = type.get() + "/" + r + "/" + kind + "/" + (ts == null ? "" : names(doc.spec()));
    if (!now.equals(shape)) {
      shape = now;
      form.setItems(r < 0 ? List.of() : items(kind));
    } else {
      form.refresh();
    }
    form.node().setVisible(r >= 0);
  }

  private static String names(ProjectSpec spec) {
    StringBuilder b = new StringBuilder();
    spec.vesicleTypes().forEach(t -> b.append(t.name()).append(','));
    return b.toString();
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

  private FieldItem field(
      String key,
      String name,
      String help,
      FieldItem.Kind kind,
      Function<ReleaseSpec, Object> absent) {
    return choice(key, name, help, kind, null, absent);
  }

  private FieldItem choice(
      String key,
      String name,
      String help,
      FieldItem.Kind kind,
      List<String> choices,
      Function<ReleaseSpec, Object> absent) {
    return new FieldItem(
        "release-" + key,
        "Operator",
        name,
        help,
        kind,
        choices,
        d -> base() + "/" + selected() + "/" + key,
        absent == null
            ? null
            : s ->
                Fields.text(
                    absent.apply(s.vesicleTypes().get(type.get()).release().get(selected()))));
  }

  private List<FieldItem> items(String kind) {
    FieldItem.Kind num = FieldItem.Kind.NUMBER;
    FieldItem.Kind readout = FieldItem.Kind.READOUT;
    List<FieldItem> i = new ArrayList<>();
    i.add(
        choice(
                "kind",
                "kind",
                "the operator's kind (add another to change it)",
                FieldItem.Kind.TEXT,
                null,
                ReleaseSpec::kind)
            .readOnly());
    switch (kind) {
      case "activation" -> {
        i.add(field("gain", "gain", "gamma_i += gain . c (or an expression)", readout, null));
        i.add(field("bias", "bias", "beta_i += bias . c (or an expression)", readout, null));
        i.add(field("threshold", "threshold", "lif hosts: threshold shift readout", readout, null));
        i.add(field("nodeScale", "nodeScale", "one factor per node", FieldItem.Kind.NUMBERS, null));
      }
      case "parameter" -> {
        i.add(
            choice(
                "mode",
                "mode",
                "multiplicative w <- w (1 + eta h . c), or a low-rank update",
                FieldItem.Kind.CHOICE,
                List.of("multiplicative", "low-rank"),
                ReleaseSpec::mode));
        i.add(
            choice(
                "edges",
                "edges",
                "the node's incoming or outgoing weights",
                FieldItem.Kind.CHOICE,
                List.of("incoming", "outgoing"),
                r -> r.incoming() ? "incoming" : "outgoing"));
        i.add(field("eta", "eta", "multiplicative: the rate", num, ReleaseSpec::eta));
        i.add(field("h", "h", "multiplicative: the readout", readout, null));
        i.add(field("uStd", "uStd", "low-rank: std of U", num, ReleaseSpec::uStd));
        i.add(field("vStd", "vStd", "low-rank: std of V", num, ReleaseSpec::vStd));
        i.add(field("scale", "scale", "low-rank: scale", num, ReleaseSpec::scale));
        i.add(field("nodeScale", "nodeScale", "one factor per node", FieldItem.Kind.NUMBERS, null));
      }
      case "learning" -> {
        i.add(
            field(
                "l",
                "l",
                "g_i += l . c: the three-factor learning-rate modulation",
                readout,
                null));
        i.add(field("nodeScale", "nodeScale", "one factor per node", FieldItem.Kind.NUMBERS, null));
      }
      case "memory" -> {
        i.add(field("omega", "omega", "M <- (1 - omega) M + omega Q c", num, ReleaseSpec::omega));
        i.add(
            field(
                "q",
                "q",
                "Q: memoryDim rows of d numbers (identity when memoryDim = d)",
                FieldItem.Kind.MATRIX,
                null));
      }
      case "cascade" -> {
        List<String> names = new ArrayList<>();
        doc.spec().vesicleTypes().forEach(t -> names.add(t.name()));
        i.add(
            choice(
                "child",
                "child",
                "the type the cascade emits",
                FieldItem.Kind.CHOICE,
                names,
                ReleaseSpec::child));
        i.add(
            field(
                "count",
                "count",
                "children per release (the mean, when Poisson)",
                num,
                ReleaseSpec::count));
        i.add(
            choice(
                "poisson",
                "poisson",
                "draw the count from a Poisson law",
                FieldItem.Kind.BOOLEAN,
                null,
                ReleaseSpec::poisson));
        i.add(
            choice(
                "payload",
                "payload",
                "the children's payload: transformed from the parent's, or the node's memory",
                FieldItem.Kind.CHOICE,
                List.of("transform", "memory"),
                r -> r.fromMemory() ? "memory" : "transform"));
        i.add(
            field(
                "transform",
                "transform",
                "payload map: d_child rows of d numbers",
                FieldItem.Kind.MATRIX,
                null));
        i.add(
            field(
                "offset",
                "offset",
                "payload map: added to the transformed payload",
                FieldItem.Kind.NUMBERS,
                null));
        i.add(
            choice(
                "phi",
                "phi",
                "payload map: identity or tanh",
                FieldItem.Kind.CHOICE,
                List.of("identity", "tanh"),
                r -> r.tanh() ? "tanh" : "identity"));
      }
      default ->
          i.add(
              field(
                      "params",
                      "params",
                      "a plugin's parameters (edit them in project.json)",
                      FieldItem.Kind.TEXT,
                      null)
                  .readOnly());
    }
    return i;
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
