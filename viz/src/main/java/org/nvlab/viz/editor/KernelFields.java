package org.nvlab.viz.editor;

import static org.nvlab.viz.editor.FieldItem.Kind.EXPRESSION;
import static org.nvlab.viz.editor.FieldItem.Kind.INTEGER;
import static org.nvlab.viz.editor.FieldItem.Kind.NUMBER;
import static org.nvlab.viz.editor.FieldItem.Kind.TEMPERATURE;

import java.util.List;
import java.util.function.IntSupplier;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.vocabulary.KernelFeature;

/**
 * The fields of the {@link KernelEditor} (model.md section 4): the sheet's table (temperature,
 * neighbourhood, hops; theta, only while no score expression is given; edge biases and the content
 * term), and the score expression, which the editor shows in its own {@link ExpressionField}.
 */
final class KernelFields {
  private KernelFields() {}

  private static FieldTable.Builder<KernelSpec> about(IntSupplier type) {
    return Fields.typeTable("kernel", type, "/kernel", TypeSpec::kernel);
  }

  /** The property sheet's fields. */
  static FieldTable<KernelSpec> sheet(IntSupplier type) {
    FieldTable.Builder<KernelSpec> t =
        about(type)
            .category("Kernel")
            .field(
                TEMPERATURE,
                "temperature",
                "T: 0 routes to the best move, Infinity is the uniform walk",
                k -> k.temperature())
            .choice(
                "neighbourhood",
                List.of("out", "in", "both"),
                "the moves: along out-edges, against in-edges, or both (and staying)",
                KernelSpec::neighbourhood)
            .field(INTEGER, "hops", "moves per tick", k -> k.hops())
            .category("Feature weights (theta)", k -> k.score() == null);
    for (KernelFeature f : KernelFeature.ALL) {
      t.field(NUMBER, "theta/" + f.id(), f.help(), k -> k.theta()[f.ordinal()]);
    }
    return t.category("Edge biases and content")
        .field(
            NUMBER,
            "edgeBias/std",
            "random per-move biases N(0, std^2), drawn from the project seed",
            k -> k.edgeBiasStd())
        .named("edge bias std")
        // A file may list the biases themselves; those are edited in project.json.
        .when(k -> k.edgeBias() == null)
        .field(
            NUMBER,
            "content/scale",
            "weight of c . k_j / sqrt(d): makes the kernel depend on each vesicle's payload",
            k -> k.contentScale())
        .named("content scale")
        .choice(
            "content/keys",
            List.of("random", "memory"),
            "node keys k_j: random, or the node's memory trace",
            KernelSpec::keys)
        .named("content keys")
        .build();
  }

  /** The score expression z(i, j), shown while the kernel scores by it. */
  static FieldTable<KernelSpec> score(IntSupplier type) {
    return about(type)
        .category("Kernel")
        .field(
            EXPRESSION,
            "score",
            "z(i, j) for the move from i to j, e.g. (1 - stay) + 2 * a_j - abs(e_j). Variables:"
                + " a_i, e_i, g_i, a_j, e_j, g_j, w_ij, stay, dir, m_i, m_j, c, s, t, reward, task,"
                + " z.",
            KernelSpec::score)
        .named("kernel score")
        .when(k -> k.score() != null)
        .build();
  }
}
