package org.nvlab.viz.editor;

import static org.nvlab.viz.editor.FieldItem.Kind.EXPRESSION;
import static org.nvlab.viz.editor.FieldItem.Kind.INTEGER;
import static org.nvlab.viz.editor.FieldItem.Kind.MATRIX;
import static org.nvlab.viz.editor.FieldItem.Kind.NODES;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBER;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBERS;
import static org.nvlab.viz.editor.FieldItem.Kind.TEXT;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.nvlab.core.project.ProjectSpec.DockingSpec;
import org.nvlab.core.project.ProjectSpec.EmissionSpec;
import org.nvlab.core.project.ProjectSpec.LifetimeSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.Signals;

/**
 * The fields of the {@link VesicleTypeEditor}: the selected type's own fields, its emission
 * (model.md section 3), lifetime (7), docking (5) and internal state, one table each.
 */
final class TypeFields {
  private TypeFields() {}

  private static final List<String> PHI = List.of("identity", "tanh");

  /** The tables of the type {@code type} gives, in the sheet's order. */
  static List<FieldTable<?>> of(IntSupplier type) {
    return List.of(type(type), emission(type), lifetime(type), docking(type), state(type));
  }

  static FieldTable<TypeSpec> type(IntSupplier type) {
    return Fields.typeTable("type", type, "", t -> t)
        .category("Type")
        .field(TEXT, "name", "unique; cascades name their child by it (reset)", TypeSpec::name)
        .field(INTEGER, "payloadDim", "d, floats of payload c (reset)", TypeSpec::payloadDim)
        .field(INTEGER, "stateDim", "p, floats of internal state s (reset)", TypeSpec::stateDim)
        .field(INTEGER, "cap", "the most live vesicles of this type", TypeSpec::cap)
        .field(
            NODES,
            "absorbing",
            "nodes where a vesicle is removed on arrival: all, layer K, range A B, or indices",
            TypeSpec::absorbing)
        .orElse("none")
        .build();
  }

  static FieldTable<EmissionSpec> emission(IntSupplier type) {
    Predicate<EmissionSpec> byWeights = e -> e.rate() == null;
    FieldTable.Builder<EmissionSpec> t =
        Fields.typeTable("emission", type, "/emission", TypeSpec::emission)
            .category("Emission")
            .choice(
                "mode",
                List.of("none", "poisson", "bernoulli", "replace"),
                "how many are born per tick",
                EmissionSpec::mode)
            .field(NUMBER, "lambdaMax", "the most births per emitter per tick", e -> e.lambdaMax())
            .field(NUMBER, "bias", "lambda = lambdaMax sigmoid(w . x + bias)", e -> e.bias())
            .when(byWeights);
    for (int k = 0; k < Signals.Z0; k++) {
      int signal = k;
      t.field(
              NUMBER,
              "weights/" + Signals.name(k),
              "w: times " + Signals.help(k) + ", in the rate",
              e -> e.weights()[signal])
          .named("weight " + Signals.name(k))
          .when(byWeights);
    }
    t.field(
            EXPRESSION,
            "rate",
            "an expression for lambda_i instead of the weights and bias, e.g. clamp(2 * a_i - 0.5,"
                + " 0, 3)",
            EmissionSpec::rate)
        .orElse("weights and bias")
        .field(INTEGER, "target", "replace mode: the population kept alive", e -> e.target())
        .field(
            NODES,
            "emitters",
            "nodes that emit: all, layer K, range A B, or indices",
            EmissionSpec::emitters)
        .category("Emission payload");
    return payload(t).build();
  }

  /** c = phi(W x + u) + noise (model.md section 3). */
  private static FieldTable.Builder<EmissionSpec> payload(FieldTable.Builder<EmissionSpec> t) {
    return t.field(
            NUMBERS, "payload/offset", "u: d numbers added to the payload", e -> e.payloadOffset())
        .orElse("zeros")
        .field(
            MATRIX,
            "payload/matrix",
            "W: d rows of 6 + zDim numbers over (activation, |error|, spike, gate, reward, task,"
                + " z)",
            e -> e.payloadMatrix())
        .orElse("zeros")
        .choice("payload/phi", PHI, "c = phi(W x + u)", e -> e.tanh() ? "tanh" : "identity")
        .field(
            NUMBER,
            "payload/noise",
            "std of Gaussian noise added to each component",
            e -> e.noise());
  }

  static FieldTable<LifetimeSpec> lifetime(IntSupplier type) {
    return Fields.typeTable("lifetime", type, "/lifetime", TypeSpec::lifetime)
        .category("Lifetime")
        .choice(
            "law",
            List.of("exponential", "fixed"),
            "exponential (memoryless) or fixed",
            LifetimeSpec::law)
        .field(NUMBER, "mean", "mean lifetime in ticks (the lifetime, when fixed)", l -> l.mean())
        // A file may give a fixed lifetime as "value"; that is the field that counts then.
        .alias("value")
        .field(NUMBER, "hazard", "per-tick probability of dying early", l -> l.hazard())
        .build();
  }

  static FieldTable<DockingSpec> docking(IntSupplier type) {
    Predicate<DockingSpec> byWeights = d -> d.logit() == null;
    FieldTable.Builder<DockingSpec> t =
        Fields.typeTable("docking", type, "/docking", TypeSpec::docking)
            .category("Docking")
            .field(NUMBER, "bias", "p_dock = sigmoid(eta . psi + bias + ...)", d -> d.bias())
            .when(byWeights);
    for (DockingFeature f : DockingFeature.ALL) {
      t.field(
              NUMBER,
              "weights/" + f.id(),
              "eta: times " + f.help() + ", in the docking logit",
              d -> d.eta()[f.ordinal()])
          .named("weight " + f.id())
          .when(byWeights);
    }
    return t.field(NUMBER, "content", "zeta: weight of c . r_i (receptors)", d -> d.content())
        .when(byWeights)
        .choice(
            "receptors",
            List.of("random", "memory", "ones"),
            "the nodes' receptor vectors",
            DockingSpec::receptors)
        .when(byWeights)
        .field(
            INTEGER,
            "dwell",
            "ticks a docked vesicle stays, releasing each tick (1 to more: reset)",
            d -> d.dwell())
        .field(NODES, "sites", "nodes where docking is possible", DockingSpec::sites)
        .orElse("all")
        .field(
            EXPRESSION,
            "logit",
            "an expression for the docking logit instead of bias and weights, e.g. -6 + 8 * dot(c,"
                + " m_i)",
            DockingSpec::logit)
        .orElse("bias and weights")
        .build();
  }

  /** The internal state, for a type that has one (stateDim > 0). */
  static FieldTable<TypeSpec> state(IntSupplier type) {
    return Fields.typeTable("state", type, "/state", t -> t)
        .category("Internal state", t -> t.stateDim() > 0)
        .field(
            NUMBER,
            "decay",
            "s <- decay s + input: how much of the state a vesicle keeps each tick",
            t -> t.state().decay())
        .build();
  }
}
