package org.nvlab.viz.editor;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/** Short ways to declare the fields of the selected vesicle type. */
final class Fields {
  private Fields() {}

  /** The pointer of a field of the selected type, {@code rel} below it ("kernel/temperature"). */
  static Function<ProjectDocument, String> ofType(IntSupplier type, String rel) {
    return d -> typePointer(type.getAsInt()) + "/" + rel;
  }

  static String typePointer(int type) {
    return "/vesicleTypes/" + type;
  }

  /** What applies for the selected type when the field is absent. */
  static Function<ProjectSpec, String> typeDefault(IntSupplier type, Function<TypeSpec, Object> f) {
    return s -> text(f.apply(s.vesicleTypes().get(type.getAsInt())));
  }

  /** A field of the selected type. */
  static FieldItem type(
      IntSupplier type,
      String key,
      String category,
      String name,
      String help,
      FieldItem.Kind kind,
      String rel,
      Function<TypeSpec, Object> absent) {
    return new FieldItem(
        key,
        category,
        name,
        help,
        kind,
        null,
        ofType(type, rel),
        absent == null ? null : typeDefault(type, absent));
  }

  /** A choice among words for a field of the selected type. */
  static FieldItem typeChoice(
      IntSupplier type,
      String key,
      String category,
      String name,
      String help,
      List<String> choices,
      String rel,
      Function<TypeSpec, Object> absent) {
    return new FieldItem(
        key,
        category,
        name,
        help,
        FieldItem.Kind.CHOICE,
        choices,
        ofType(type, rel),
        absent == null ? null : typeDefault(type, absent));
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

  /** A value as an editor shows it: numbers as in the file (3, 0.5), infinity as "Infinity". */
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
    return v.toString();
  }
}
