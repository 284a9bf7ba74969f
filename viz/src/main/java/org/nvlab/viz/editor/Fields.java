package org.nvlab.viz.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/** What the editors share: where a type lives, how a spec value reads as text, theta as text. */
final class Fields {
  private Fields() {}

  static String typePointer(int type) {
    return "/vesicleTypes/" + type;
  }

  /** The type at {@code index} in {@code spec}, or null when there is none (it was removed). */
  static TypeSpec type(ProjectSpec spec, int index) {
    List<TypeSpec> ts = spec.vesicleTypes();
    return index >= 0 && index < ts.size() ? ts.get(index) : null;
  }

  /**
   * A table about a part of the selected type ({@code TypeSpec::emission} at {@code "/emission"}),
   * or of the type itself ({@code t -> t} at {@code ""}).
   */
  static <S> FieldTable.Builder<S> typeTable(
      String id, IntSupplier type, String rel, Function<TypeSpec, S> part) {
    return FieldTable.about(
        id,
        () -> typePointer(type.getAsInt()) + rel,
        s -> {
          TypeSpec t = type(s, type.getAsInt());
          return t == null ? null : part.apply(t);
        });
  }

  /** The names of the project's vesicle types, in order. */
  static List<String> typeNames(ProjectSpec spec) {
    List<String> names = new ArrayList<>();
    spec.vesicleTypes().forEach(t -> names.add(t.name()));
    return names;
  }

  private static final String[] FEATURE_TERMS = {
    "(1 - stay)", "w_ij", "a_j", "abs(e_j)", "dir", "g_j"
  };

  /**
   * theta . phi(i, j) written as a kernel score expression (the terms of model.md section 4 in the
   * expression's variables), so switching a kernel from theta to an expression changes no
   * probability.
   */
  static String thetaExpression(KernelSpec k) {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < FEATURE_TERMS.length; f++) {
      double w = k.theta()[f];
      if (w == 0) {
        continue;
      }
      if (b.length() > 0) {
        b.append(w < 0 ? " - " : " + ");
      } else if (w < 0) {
        b.append("-");
      }
      double a = Math.abs(w);
      if (a != 1) {
        b.append(text(a)).append(" * ");
      }
      b.append(FEATURE_TERMS[f]);
    }
    return b.length() == 0 ? "0" : b.toString();
  }

  /**
   * A spec value as an editor shows it: numbers as in the file (3, 0.5), infinity as "Infinity",
   * lists as "0.5, 0.2", node sets as typed ("all", "layer 1", "range 0 10", "0, 4, 7").
   */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d.isInfinite()) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return ProjectEdit.number(d).asText();
    }
    if (v instanceof Integer i && i == Integer.MAX_VALUE) {
      return "no cap";
    }
    if (v instanceof double[] a) {
      StringBuilder b = new StringBuilder();
      for (double x : a) {
        b.append(b.length() == 0 ? "" : ", ").append(text(x));
      }
      return b.toString();
    }
    if (v instanceof int[] a) {
      StringBuilder b = new StringBuilder();
      for (int x : a) {
        b.append(b.length() == 0 ? "" : ", ").append(x);
      }
      return b.toString();
    }
    if (v instanceof NodeSet n) {
      if (n.isAll()) {
        return "all";
      }
      if (n.layer() != null) {
        return "layer " + n.layer();
      }
      return n.range() != null ? "range " + n.range()[0] + " " + n.range()[1] : text(n.nodes());
    }
    return v.toString();
  }
}
