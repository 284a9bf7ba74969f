package org.nvlab.viz.editor;

import static org.nvlab.viz.editor.FieldItem.Kind.BOOLEAN;
import static org.nvlab.viz.editor.FieldItem.Kind.MATRIX;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBER;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBERS;
import static org.nvlab.viz.editor.FieldItem.Kind.READOUT;
import static org.nvlab.viz.editor.FieldItem.Kind.TEXT;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The fields of the {@link ReleaseEditor}: one table for every release operator (model.md section
 * 6), each row shown for the kinds it belongs to; a parameter release's rows for its mode, and a
 * cascade's payload map only while the children do not take the node's memory.
 */
final class ReleaseFields {
  private ReleaseFields() {}

  private static final String OPERATOR = "Operator";
  private static final String CHANGE_KIND = "; add another operator to change the kind";

  /** The fields of the operator {@code op} of the type {@code type} gives. */
  static FieldTable<ReleaseSpec> of(IntSupplier type, IntSupplier op) {
    FieldTable.Builder<ReleaseSpec> t =
        FieldTable.about(
            "release",
            () -> Fields.typePointer(type.getAsInt()) + "/release/" + op.getAsInt(),
            s -> {
              TypeSpec ts = Fields.type(s, type.getAsInt());
              int k = op.getAsInt();
              return ts == null || k < 0 || k >= ts.release().size() ? null : ts.release().get(k);
            });
    for (ReleaseKind k : ReleaseKind.ALL) {
      t.category(OPERATOR, is(k))
          .field(TEXT, "kind", k.id() + ": " + k.help() + CHANGE_KIND, ReleaseSpec::kind)
          .readOnly();
    }
    t.category(OPERATOR, ReleaseFields::plugin)
        .field(TEXT, "kind", "a kind a plugin adds" + CHANGE_KIND, ReleaseSpec::kind)
        .readOnly()
        .category(OPERATOR, is(ReleaseKind.ACTIVATION))
        .field(
            READOUT,
            "gain",
            "gamma_i += gain . c (or an expression)",
            readout("gain", ReleaseSpec::gain))
        .field(
            READOUT,
            "bias",
            "beta_i += bias . c (or an expression)",
            readout("bias", ReleaseSpec::bias))
        .field(
            READOUT,
            "threshold",
            "lif hosts: threshold shift readout",
            readout("threshold", ReleaseSpec::threshold));
    parameter(t);
    t.category(OPERATOR, is(ReleaseKind.LEARNING))
        .field(
            READOUT,
            "l",
            "g_i += l . c: the three-factor learning-rate modulation",
            readout("l", ReleaseSpec::l))
        .category(
            OPERATOR,
            is(ReleaseKind.ACTIVATION).or(is(ReleaseKind.PARAMETER)).or(is(ReleaseKind.LEARNING)))
        .field(NUMBERS, "nodeScale", "one factor per node", r -> r.nodeScale())
        .category(OPERATOR, is(ReleaseKind.MEMORY))
        .field(NUMBER, "omega", "M <- (1 - omega) M + omega Q c", r -> r.omega())
        .field(
            MATRIX,
            "q",
            "Q: memoryDim rows of d numbers (identity when memoryDim = d)",
            r -> r.q());
    cascade(t);
    return t.category(OPERATOR, ReleaseFields::plugin)
        .field(TEXT, "params", "a plugin's parameters (edit them in project.json)", r -> r.params())
        .readOnly()
        .build();
  }

  /** A parameter release's mode and edges, then the fields of its mode. */
  private static void parameter(FieldTable.Builder<ReleaseSpec> t) {
    Predicate<ReleaseSpec> parameter = is(ReleaseKind.PARAMETER);
    Predicate<ReleaseSpec> lowRank = parameter.and(r -> r.mode().equals("low-rank"));
    t.category(OPERATOR, parameter)
        .choice(
            "mode",
            List.of("multiplicative", "low-rank"),
            "multiplicative w <- w (1 + eta h . c), or a low-rank update",
            ReleaseSpec::mode)
        .choice(
            "edges",
            List.of("incoming", "outgoing"),
            "the node's incoming or outgoing weights",
            r -> r.incoming() ? "incoming" : "outgoing")
        .category(OPERATOR, parameter.and(lowRank.negate()))
        .field(NUMBER, "eta", "multiplicative: the rate", r -> r.eta())
        .field(READOUT, "h", "multiplicative: the readout", readout("h", ReleaseSpec::h))
        .category(OPERATOR, lowRank)
        .field(NUMBER, "uStd", "low-rank: std of U", r -> r.uStd())
        .field(NUMBER, "vStd", "low-rank: std of V", r -> r.vStd())
        .field(NUMBER, "scale", "low-rank: scale", r -> r.scale());
  }

  /** A cascade's child, count and payload; the payload map unless the children take memory. */
  private static void cascade(FieldTable.Builder<ReleaseSpec> t) {
    Predicate<ReleaseSpec> cascade = is(ReleaseKind.CASCADE);
    t.category(OPERATOR, cascade)
        .choice("child", List.of(), "the type the cascade emits", ReleaseSpec::child)
        .choices(Fields::typeNames)
        .field(NUMBER, "count", "children per release (the mean, when Poisson)", r -> r.count())
        .field(BOOLEAN, "poisson", "draw the count from a Poisson law", r -> r.poisson())
        .choice(
            "payload",
            List.of("transform", "memory"),
            "the children's payload: transformed from the parent's, or the node's memory",
            r -> r.fromMemory() ? "memory" : "transform")
        .category(OPERATOR, cascade.and(r -> !r.fromMemory()))
        .field(MATRIX, "transform", "payload map: d_child rows of d numbers", r -> r.transform())
        .field(NUMBERS, "offset", "payload map: added to the transformed payload", r -> r.offset())
        .category(OPERATOR, cascade)
        .choice(
            "phi",
            List.of("identity", "tanh"),
            "payload map: identity or tanh",
            r -> r.tanh() ? "tanh" : "identity");
  }

  private static boolean plugin(ReleaseSpec r) {
    return ReleaseKind.byId(r.kind()) == null;
  }

  private static Predicate<ReleaseSpec> is(ReleaseKind k) {
    return r -> k.id().equals(r.kind());
  }

  /** A readout's value: its numbers, or the expression the file gives instead. */
  private static Function<ReleaseSpec, Object> readout(
      String key, Function<ReleaseSpec, double[]> numbers) {
    return r -> r.maps().containsKey(key) ? r.maps().get(key) : numbers.apply(r);
  }
}
