package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;

/**
 * The host network (model.md section 1): its kind (rate or spiking), the graph builder and its size
 * (layers, grid, random graphs), the initial weights, the units' settings, memory width and decays.
 * A different host is a different run, so every change here takes effect when the run is reset; the
 * editor says so.
 *
 * <p>Changing the builder or the kind reshapes the object: the fields of the old one are removed
 * and the new one's required fields get a starting value, in one step of undo. A project whose
 * inputs name layers cannot switch to a graph without layers; the document refuses it and the
 * problem says which binding.
 */
public final class HostEditor extends VBox {
  private static final List<String> BUILDERS =
      List.of("layered", "grid", "erdos-renyi", "fixed-out-degree", "edge-list");
  private static final List<String> GRAPH_FIELDS =
      List.of(
          "layers",
          "density",
          "width",
          "height",
          "torus",
          "diagonal",
          "nodes",
          "p",
          "degree",
          "edges");

  private final DocumentForm form;
  private final ProjectDocument.Listener listener = c -> refresh();
  private ProjectDocument doc;
  private String shape = "";

  public HostEditor() {
    setId("hostEditor");
    form = new DocumentForm("hostSheet", item -> "host " + item.getName(), () -> "/host");
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
    doc = ProjectDocument.follow(doc, d, listener);
    shape = "";
    form.setDocument(d);
    refresh();
  }

  public DocumentForm form() {
    return form;
  }

  private void refresh() {
    if (doc == null) {
      return;
    }
    HostSpec h = doc.spec().host();
    String now = h.kind() + "/" + h.graph().builder();
    if (!now.equals(shape)) {
      shape = now;
      form.setItems(items(h));
    }
  }

  private static FieldItem host(
      String key,
      String category,
      String name,
      String help,
      FieldItem.Kind kind,
      List<String> choices,
      String rel,
      Function<HostSpec, Object> absent) {
    return new FieldItem(
        "host-" + key.replace('/', '-'),
        category,
        name,
        help,
        kind,
        choices,
        d -> "/host/" + rel,
        absent == null ? null : (ProjectSpec s) -> Fields.text(absent.apply(s.host())));
  }

  private List<FieldItem> items(HostSpec h) {
    FieldItem.Kind num = FieldItem.Kind.NUMBER;
    FieldItem.Kind whole = FieldItem.Kind.INTEGER;
    String g = "Graph";
    List<FieldItem> i = new ArrayList<>();
    i.add(
        host(
                "kind",
                "Network",
                "kind",
                "rate units or leaky integrate-and-fire neurons",
                FieldItem.Kind.CHOICE,
                List.of("rate", "lif"),
                "kind",
                HostSpec::kind)
            .withEdit(this::switchKind));
    i.add(
        host(
                "graph/builder",
                g,
                "builder",
                "how the graph is built",
                FieldItem.Kind.CHOICE,
                BUILDERS,
                "graph/builder",
                s -> s.graph().builder())
            .withEdit(this::switchBuilder));
    switch (h.graph().builder()) {
      case "layered" -> {
        i.add(
            host(
                "graph/layers",
                g,
                "layers",
                "layer sizes, e.g. 4, 16, 2",
                FieldItem.Kind.NUMBERS,
                null,
                "graph/layers",
                null));
        i.add(
            host(
                "graph/density",
                g,
                "density",
                "the chance each node links to each node of the next layer",
                num,
                null,
                "graph/density",
                s -> s.graph().density()));
      }
      case "grid" -> {
        i.add(
            host(
                "graph/width",
                g,
                "width",
                "columns",
                whole,
                null,
                "graph/width",
                s -> s.graph().width()));
        i.add(
            host(
                "graph/height",
                g,
                "height",
                "rows",
                whole,
                null,
                "graph/height",
                s -> s.graph().height()));
        i.add(
            host(
                "graph/torus",
                g,
                "torus",
                "wrap around at the edges",
                FieldItem.Kind.BOOLEAN,
                null,
                "graph/torus",
                s -> s.graph().torus()));
        i.add(
            host(
                "graph/diagonal",
                g,
                "diagonal",
                "link diagonal neighbours too",
                FieldItem.Kind.BOOLEAN,
                null,
                "graph/diagonal",
                s -> s.graph().diagonal()));
      }
      case "erdos-renyi" -> {
        i.add(
            host(
                "graph/nodes",
                g,
                "nodes",
                "node count",
                whole,
                null,
                "graph/nodes",
                s -> s.graph().nodes()));
        i.add(
            host(
                "graph/p",
                g,
                "p",
                "the chance of each directed edge",
                num,
                null,
                "graph/p",
                s -> s.graph().p()));
      }
      case "fixed-out-degree" -> {
        i.add(
            host(
                "graph/nodes",
                g,
                "nodes",
                "node count",
                whole,
                null,
                "graph/nodes",
                s -> s.graph().nodes()));
        i.add(
            host(
                "graph/degree",
                g,
                "degree",
                "out-edges per node",
                whole,
                null,
                "graph/degree",
                s -> s.graph().degree()));
      }
      default -> {
        // The edge list itself is edited in project.json: a table of thousands of rows is no form.
        i.add(
            host(
                "graph/nodes",
                g,
                "nodes",
                "node count (the edges are edited in project.json)",
                whole,
                null,
                "graph/nodes",
                s -> s.graph().nodes()));
      }
    }
    String w = "Initial weights";
    i.add(
        host(
            "weights/law",
            w,
            "law",
            "how initial weights are drawn",
            FieldItem.Kind.CHOICE,
            List.of("constant", "uniform", "normal", "normal-fan-in"),
            "weights/law",
            s -> s.weights() == null ? "normal-fan-in" : s.weights().law()));
    i.add(
        host(
            "weights/std",
            w,
            "std",
            "normal laws: standard deviation",
            num,
            null,
            "weights/std",
            s -> s.weights() == null ? 1.0 : s.weights().std()));
    i.add(
        host(
            "weights/mean",
            w,
            "mean",
            "normal laws: mean; constant: the value",
            num,
            null,
            "weights/mean",
            s -> s.weights() == null ? 0.0 : s.weights().mean()));
    if (h.kind().equals("rate")) {
      String r = "Rate units";
      i.add(
          host(
              "rate/activation",
              r,
              "activation",
              "the transfer function f",
              FieldItem.Kind.CHOICE,
              List.of("identity", "tanh", "relu", "sigmoid"),
              "rate/activation",
              HostSpec::activation));
      i.add(
          host(
              "rate/mode",
              r,
              "mode",
              "feedforward needs an acyclic graph",
              FieldItem.Kind.CHOICE,
              List.of("feedforward", "recurrent"),
              "rate/mode",
              HostSpec::mode));
      i.add(
          host(
              "rate/bias", r, "bias", "b_i of every unit", num, null, "rate/bias", HostSpec::bias));
      i.add(
          host(
              "rate/learningRate",
              r,
              "learningRate",
              "host training rate (0: no training)",
              num,
              null,
              "rate/learningRate",
              HostSpec::learningRate));
    } else {
      String l = "Spiking units";
      i.add(
          host(
              "lif/threshold",
              l,
              "threshold",
              "theta: a spike at v >= theta",
              num,
              null,
              "lif/threshold",
              s -> s.lif().threshold()));
      i.add(
          host(
              "lif/tauMembrane",
              l,
              "tauMembrane",
              "membrane time constant (ticks)",
              num,
              null,
              "lif/tauMembrane",
              s -> s.lif().tauMembrane()));
      i.add(
          host(
              "lif/refractory",
              l,
              "refractory",
              "ticks after a spike",
              whole,
              null,
              "lif/refractory",
              s -> s.lif().refractory()));
      i.add(
          host(
              "lif/tauSynapse",
              l,
              "tauSynapse",
              "synaptic filter (0: none)",
              num,
              null,
              "lif/tauSynapse",
              s -> s.lif().tauSynapse()));
    }
    String m = "Modulation and memory";
    i.add(
        host(
            "memoryDim",
            m,
            "memoryDim",
            "floats of memory trace per node",
            whole,
            null,
            "memoryDim",
            HostSpec::memoryDim));
    i.add(
        host(
            "modulationDecay",
            m,
            "modulationDecay",
            "rho: gamma and beta decay by it each tick",
            num,
            null,
            "modulationDecay",
            HostSpec::modulationDecay));
    i.add(
        host(
            "gateDecay",
            m,
            "gateDecay",
            "decay of the plasticity gate",
            num,
            null,
            "gateDecay",
            HostSpec::gateDecay));
    return i;
  }

  /** A new builder: the old builder's fields go, the new one's required ones get a start. */
  private ProjectEdit switchBuilder(ProjectDocument d, JsonNode value) {
    String to = value == null ? "layered" : value.asText();
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<ProjectEdit> edits = new ArrayList<>();
    for (String field : GRAPH_FIELDS) {
      edits.add(ProjectEdit.remove("/host/graph/" + field));
    }
    edits.add(ProjectEdit.set("/host/graph/builder", to));
    int n = d.spec().host().graph().builder().equals("layered") ? nodes(d.spec()) : 0;
    switch (to) {
      case "layered" ->
          edits.add(ProjectEdit.set("/host/graph/layers", f.arrayNode().add(4).add(8).add(2)));
      case "edge-list" -> {
        edits.add(ProjectEdit.set("/host/graph/nodes", Math.max(2, n)));
        edits.add(ProjectEdit.set("/host/graph/edges", f.arrayNode()));
      }
      case "erdos-renyi", "fixed-out-degree" -> {
        if (n > 0) {
          edits.add(ProjectEdit.set("/host/graph/nodes", n));
        }
      }
      default -> {}
    }
    return ProjectEdit.compound("host graph builder " + to, edits);
  }

  private static int nodes(ProjectSpec s) {
    int n = 0;
    for (int l : s.host().graph().layers()) {
      n += l;
    }
    return n;
  }

  /** A new host kind: the old kind's settings object goes. */
  private ProjectEdit switchKind(ProjectDocument d, JsonNode value) {
    String to = value == null ? "rate" : value.asText();
    return ProjectEdit.compound(
        "host kind " + to,
        ProjectEdit.remove(to.equals("lif") ? "/host/rate" : "/host/lif"),
        ProjectEdit.set("/host/kind", to));
  }
}
