package org.nvlab.viz.editor;

import static org.nvlab.viz.editor.FieldItem.Kind.BOOLEAN;
import static org.nvlab.viz.editor.FieldItem.Kind.INTEGER;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBER;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;

/**
 * The fields of the {@link HostEditor} (model.md section 1): kind, graph builder and the sizes of
 * the builder chosen, initial weights, the rate or the spiking units' settings (whichever the kind
 * is), memory and decays.
 *
 * <p>Changing the builder or the kind reshapes the object: the fields of the old one are removed
 * and the new one's required fields get a starting value, in one step of undo. A project whose
 * inputs name layers cannot switch to a graph without layers; the document refuses it and the
 * problem says which binding.
 */
final class HostFields {
  private HostFields() {}

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

  static FieldTable<HostSpec> of() {
    FieldTable.Builder<HostSpec> t =
        FieldTable.about("host", () -> "/host", ProjectSpec::host)
            .category("Network")
            .choice(
                "kind",
                List.of("rate", "lif"),
                "rate units or leaky integrate-and-fire neurons",
                HostSpec::kind)
            .editedBy(HostFields::switchKind);
    graph(t);
    weights(t);
    units(t);
    return t.category("Modulation and memory")
        .field(INTEGER, "memoryDim", "floats of memory trace per node", h -> h.memoryDim())
        .field(
            NUMBER,
            "modulationDecay",
            "rho: gamma and beta decay by it each tick",
            h -> h.modulationDecay())
        .field(NUMBER, "gateDecay", "decay of the plasticity gate", h -> h.gateDecay())
        .build();
  }

  /** The builder, then the sizes of the builder chosen. */
  private static void graph(FieldTable.Builder<HostSpec> t) {
    t.category("Graph")
        .choice("graph/builder", BUILDERS, "how the graph is built", h -> h.graph().builder())
        .editedBy(HostFields::switchBuilder)
        .category("Graph", builder("layered"))
        .field(NUMBERS, "graph/layers", "layer sizes, e.g. 4, 16, 2", h -> h.graph().layers())
        .field(
            NUMBER,
            "graph/density",
            "the chance each node links to each node of the next layer",
            h -> h.graph().density())
        .category("Graph", builder("grid"))
        .field(INTEGER, "graph/width", "columns", h -> h.graph().width())
        .field(INTEGER, "graph/height", "rows", h -> h.graph().height())
        .field(BOOLEAN, "graph/torus", "wrap around at the edges", h -> h.graph().torus())
        .field(BOOLEAN, "graph/diagonal", "link diagonal neighbours too", h -> h.graph().diagonal())
        .category("Graph", builder("erdos-renyi").or(builder("fixed-out-degree")))
        .field(INTEGER, "graph/nodes", "node count", h -> h.graph().nodes())
        .category("Graph", builder("edge-list"))
        // The edge list itself is edited in project.json: a table of thousands of rows is no form.
        .field(
            INTEGER,
            "graph/nodes",
            "node count (the edges are edited in project.json)",
            h -> h.graph().nodes())
        .category("Graph", builder("erdos-renyi"))
        .field(NUMBER, "graph/p", "the chance of each directed edge", h -> h.graph().p())
        .category("Graph", builder("fixed-out-degree"))
        .field(INTEGER, "graph/degree", "out-edges per node", h -> h.graph().degree());
  }

  /** The initial weights; without a "weights" object the reader's defaults apply. */
  private static void weights(FieldTable.Builder<HostSpec> t) {
    t.category("Initial weights")
        .choice(
            "weights/law",
            List.of("constant", "uniform", "normal", "normal-fan-in"),
            "how initial weights are drawn",
            h -> h.weights() == null ? "normal-fan-in" : h.weights().law())
        .field(
            NUMBER,
            "weights/std",
            "normal laws: standard deviation",
            h -> h.weights() == null ? 1.0 : h.weights().std())
        .field(
            NUMBER,
            "weights/mean",
            "normal laws: mean; constant: the value",
            h -> h.weights() == null ? 0.0 : h.weights().mean())
        // A constant law reads better as "value", which files may use instead.
        .alias("value");
  }

  /** The rate units' settings or the spiking units', whichever the host's kind is. */
  private static void units(FieldTable.Builder<HostSpec> t) {
    t.category("Rate units", h -> h.kind().equals("rate"))
        .choice(
            "rate/activation",
            List.of("identity", "tanh", "relu", "sigmoid"),
            "the transfer function f",
            HostSpec::activation)
        .choice(
            "rate/mode",
            List.of("feedforward", "recurrent"),
            "feedforward needs an acyclic graph",
            HostSpec::mode)
        .field(NUMBER, "rate/bias", "b_i of every unit", h -> h.bias())
        .field(
            NUMBER,
            "rate/learningRate",
            "host training rate (0: no training)",
            h -> h.learningRate())
        .category("Spiking units", h -> h.kind().equals("lif"))
        .field(NUMBER, "lif/threshold", "theta: a spike at v >= theta", h -> h.lif().threshold())
        .field(
            NUMBER, "lif/tauMembrane", "membrane time constant (ticks)", h -> h.lif().tauMembrane())
        .field(INTEGER, "lif/refractory", "ticks after a spike", h -> h.lif().refractory())
        .field(NUMBER, "lif/tauSynapse", "synaptic filter (0: none)", h -> h.lif().tauSynapse());
  }

  private static Predicate<HostSpec> builder(String name) {
    return h -> h.graph().builder().equals(name);
  }

  /** A new builder: the old builder's fields go, the new one's required ones get a start. */
  static ProjectEdit switchBuilder(ProjectDocument d, JsonNode value) {
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
  static ProjectEdit switchKind(ProjectDocument d, JsonNode value) {
    String to = value == null ? "rate" : value.asText();
    return ProjectEdit.compound(
        "host kind " + to,
        ProjectEdit.remove(to.equals("lif") ? "/host/rate" : "/host/lif"),
        ProjectEdit.set("/host/kind", to));
  }
}
