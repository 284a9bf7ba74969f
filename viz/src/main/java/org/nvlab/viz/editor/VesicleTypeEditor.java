package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
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
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.Signals;

/**
 * The selected vesicle type's own fields in a ControlsFX property sheet: name, dimensions, cap,
 * absorbing nodes; emission (model.md 3), lifetime (7), docking (5) and the internal state; and
 * buttons to add and remove types. The name, the dimensions and adding or removing a type change
 * the run's structure and take effect on reset; the rest applies at the next tick.
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
    form.setItems(items());
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
    List<TypeSpec> ts = doc.spec().vesicleTypes();
    int k = type.get();
    return k >= 0 && k < ts.size() ? ts.get(k).name() : "type";
  }

  private void addType() {
    if (doc == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    doc.spec().vesicleTypes().forEach(t -> names.add(t.name()));
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

  private List<FieldItem> items() {
    IntSupplier t = type::get;
    FieldItem.Kind num = FieldItem.Kind.NUMBER;
    FieldItem.Kind whole = FieldItem.Kind.INTEGER;
    List<FieldItem> i = new ArrayList<>();
    i.add(
        Fields.type(
            t,
            "type-name",
            "Type",
            "name",
            "unique; cascades name their child by it (reset)",
            FieldItem.Kind.TEXT,
            "name",
            TypeSpec::name));
    i.add(
        Fields.type(
            t,
            "type-payloadDim",
            "Type",
            "payloadDim",
            "d, floats of payload c (reset)",
            whole,
            "payloadDim",
            TypeSpec::payloadDim));
    i.add(
        Fields.type(
            t,
            "type-stateDim",
            "Type",
            "stateDim",
            "p, floats of internal state s (reset)",
            whole,
            "stateDim",
            TypeSpec::stateDim));
    i.add(
        Fields.type(
            t,
            "type-cap",
            "Type",
            "cap",
            "the most live vesicles of this type",
            whole,
            "cap",
            TypeSpec::cap));
    i.add(
        Fields.type(
            t,
            "type-absorbing",
            "Type",
            "absorbing",
            "nodes where a vesicle is removed on arrival: all, layer K, range A B, or indices",
            FieldItem.Kind.NODES,
            "absorbing",
            s -> "none"));
    i.add(
        Fields.typeChoice(
            t,
            "emission-mode",
            "Emission",
            "mode",
            "how many are born per tick",
            List.of("none", "poisson", "bernoulli", "replace"),
            "emission/mode",
            s -> s.emission().mode()));
    i.add(
        Fields.type(
            t,
            "emission-lambdaMax",
            "Emission",
            "lambdaMax",
            "the most births per emitter per tick",
            num,
            "emission/lambdaMax",
            s -> s.emission().lambdaMax()));
    i.add(
        Fields.type(
            t,
            "emission-bias",
            "Emission",
            "bias",
            "lambda = lambdaMax sigmoid(w . x + bias)",
            num,
            "emission/bias",
            s -> s.emission().bias()));
    for (String w : Signals.NAMED) {
      int k = Signals.NAMED.indexOf(w);
      i.add(
          Fields.type(
              t,
              "emission-weights-" + w,
              "Emission",
              "weight " + w,
              "w: times " + Signals.help(k) + ", in the rate",
              num,
              "emission/weights/" + w,
              s -> s.emission().weights()[k]));
    }
    i.add(
        Fields.type(
            t,
            "emission-rate",
            "Emission",
            "rate",
            "an expression for lambda_i instead of the weights and bias, e.g. clamp(2 * a_i - 0.5, 0, 3)",
            FieldItem.Kind.EXPRESSION,
            "emission/rate",
            s -> "weights and bias"));
    i.add(
        Fields.type(
            t,
            "emission-target",
            "Emission",
            "target",
            "replace mode: the population kept alive",
            whole,
            "emission/target",
            s -> s.emission().target()));
    i.add(
        Fields.type(
            t,
            "emission-emitters",
            "Emission",
            "emitters",
            "nodes that emit: all, layer K, range A B, or indices",
            FieldItem.Kind.NODES,
            "emission/emitters",
            s -> "all"));
    String pay = "Emission payload";
    i.add(
        Fields.type(
            t,
            "emission-payload-offset",
            pay,
            "offset",
            "u: d numbers added to the payload",
            FieldItem.Kind.NUMBERS,
            "emission/payload/offset",
            s -> "zeros"));
    i.add(
        Fields.type(
            t,
            "emission-payload-matrix",
            pay,
            "matrix",
            "W: d rows of 6 + zDim numbers over (activation, |error|, spike, gate, reward, task, z)",
            FieldItem.Kind.MATRIX,
            "emission/payload/matrix",
            s -> "zeros"));
    i.add(
        Fields.typeChoice(
            t,
            "emission-payload-phi",
            pay,
            "phi",
            "c = phi(W x + u)",
            List.of("identity", "tanh"),
            "emission/payload/phi",
            s -> s.emission().tanh() ? "tanh" : "identity"));
    i.add(
        Fields.type(
            t,
            "emission-payload-noise",
            pay,
            "noise",
            "std of Gaussian noise added to each component",
            num,
            "emission/payload/noise",
            s -> s.emission().noise()));
    i.add(
        Fields.typeChoice(
            t,
            "lifetime-law",
            "Lifetime",
            "law",
            "exponential (memoryless) or fixed",
            List.of("exponential", "fixed"),
            "lifetime/law",
            s -> s.lifetime().law()));
    i.add(
        new FieldItem(
            "lifetime-mean",
            "Lifetime",
            "mean",
            "mean lifetime in ticks (the lifetime, when fixed)",
            num,
            null,
            d -> {
              String base = Fields.typePointer(t.getAsInt()) + "/lifetime/";
              // A file may give a fixed lifetime as "value"; that field is the one that counts
              // then.
              return d.get(base + "value").isMissingNode() ? base + "mean" : base + "value";
            },
            Fields.typeDefault(t, s -> s.lifetime().mean())));
    i.add(
        Fields.type(
            t,
            "lifetime-hazard",
            "Lifetime",
            "hazard",
            "per-tick probability of dying early",
            num,
            "lifetime/hazard",
            s -> s.lifetime().hazard()));
    i.add(
        Fields.type(
            t,
            "docking-bias",
            "Docking",
            "bias",
            "p_dock = sigmoid(eta . psi + bias + ...)",
            num,
            "docking/bias",
            s -> s.docking().bias()));
    for (DockingFeature f : DockingFeature.ALL) {
      int e = f.ordinal();
      i.add(
          Fields.type(
              t,
              "docking-weights-" + f.id(),
              "Docking",
              "weight " + f.id(),
              "eta: times " + f.help() + ", in the docking logit",
              num,
              "docking/weights/" + f.id(),
              s -> s.docking().eta()[e]));
    }
    i.add(
        Fields.type(
            t,
            "docking-content",
            "Docking",
            "content",
            "zeta: weight of c . r_i (receptors)",
            num,
            "docking/content",
            s -> s.docking().content()));
    i.add(
        Fields.typeChoice(
            t,
            "docking-receptors",
            "Docking",
            "receptors",
            "the nodes' receptor vectors",
            List.of("random", "memory", "ones"),
            "docking/receptors",
            s -> s.docking().receptors()));
    i.add(
        Fields.type(
            t,
            "docking-dwell",
            "Docking",
            "dwell",
            "ticks a docked vesicle stays, releasing each tick (1 to more: reset)",
            whole,
            "docking/dwell",
            s -> s.docking().dwell()));
    i.add(
        Fields.type(
            t,
            "docking-sites",
            "Docking",
            "sites",
            "nodes where docking is possible",
            FieldItem.Kind.NODES,
            "docking/sites",
            s -> "all"));
    i.add(
        Fields.type(
            t,
            "docking-logit",
            "Docking",
            "logit",
            "an expression for the docking logit instead of bias and weights, e.g. -6 + 8 * dot(c, m_i)",
            FieldItem.Kind.EXPRESSION,
            "docking/logit",
            s -> "bias and weights"));
    i.add(
        Fields.type(
            t,
            "state-decay",
            "Internal state",
            "decay",
            "s <- decay s + input (stateDim > 0)",
            num,
            "state/decay",
            s -> s.state() == null ? 0.9 : s.state().decay()));
    return i;
  }
}
