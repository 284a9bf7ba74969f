package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;

/**
 * The fields of one subject as a table of {@link FieldSpec} rows (a type's emission, the selected
 * release operator, the host), and the one piece that turns the rows into property-sheet items:
 * which rows are shown for the project as it is now, each field's control id ({@code "field-" +}
 * the table's id and the pointer, '-' for '/': {@code field-emission-weights-activation}), its
 * pointer in the document, and what it shows greyed when the file leaves it out.
 *
 * @param <S> the subject's record in the spec
 */
final class FieldTable<S> {
  private final String id;
  private final Supplier<String> base;
  private final Function<ProjectSpec, S> subject;
  private final List<FieldSpec<S>> rows;

  private FieldTable(
      String id, Supplier<String> base, Function<ProjectSpec, S> subject, List<FieldSpec<S>> rows) {
    this.id = id;
    this.base = base;
    this.subject = subject;
    this.rows = List.copyOf(rows);
  }

  /**
   * A table about the subject that {@code subject} finds in a spec (null when it is not there: the
   * selected type was removed) at the pointer {@code base} gives.
   *
   * @param id the first part of the fields' control ids ("emission")
   */
  static <S> Builder<S> about(String id, Supplier<String> base, Function<ProjectSpec, S> subject) {
    return new Builder<>(id, base, subject);
  }

  String id() {
    return id;
  }

  List<FieldSpec<S>> rows() {
    return rows;
  }

  /** The subject's pointer in the document now ("/vesicleTypes/0/emission"). */
  String base() {
    return base.get();
  }

  /** The subject in {@code spec}, or null when it is not there. */
  S subject(ProjectSpec spec) {
    return spec == null ? null : subject.apply(spec);
  }

  /** The short stable name of a row's control ("emission-weights-activation"). */
  String key(FieldSpec<S> f) {
    return id + "-" + f.pointer().replace('/', '-');
  }

  /** The row's pointer in {@code doc}: its alias when the file gives the field by that name. */
  String pointer(FieldSpec<S> f, ProjectDocument doc) {
    String at = base.get() + "/";
    String slash = f.pointer().substring(0, f.pointer().lastIndexOf('/') + 1);
    if (f.alias() != null && !doc.get(at + slash + f.alias()).isMissingNode()) {
      return at + slash + f.alias();
    }
    return at + f.pointer();
  }

  /** The value the spec holds for the row (null when the subject or the value is absent). */
  Object value(FieldSpec<S> f, ProjectSpec spec) {
    S s = subject(spec);
    return s == null ? null : f.value().apply(s);
  }

  /** What the row shows greyed when the file leaves it out: the value that applies. */
  String absentText(FieldSpec<S> f, ProjectSpec spec) {
    Object v = value(f, spec);
    if (v == null) {
      return f.absent() == null ? "" : f.absent();
    }
    return Fields.text(v);
  }

  /** The rows on the sheet for {@code spec}, in table order (none without a subject). */
  List<FieldSpec<S>> shown(ProjectSpec spec) {
    S s = subject(spec);
    List<FieldSpec<S>> out = new ArrayList<>();
    if (s != null) {
      for (FieldSpec<S> f : rows) {
        if (f.shown().test(s)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /**
   * What decides the sheet's items: the rows shown and their choices. The items are built again
   * only when it changes, so a field being typed in keeps its control.
   */
  String shape(ProjectSpec spec) {
    StringBuilder b = new StringBuilder(id).append('[');
    S s = subject(spec);
    for (int k = 0; s != null && k < rows.size(); k++) {
      FieldSpec<S> f = rows.get(k);
      if (f.shown().test(s)) {
        b.append(k).append(f.choices().apply(spec)).append(',');
      }
    }
    return b.append(']').toString();
  }

  /** The property-sheet items of the rows shown for {@code spec}. */
  List<FieldItem> items(ProjectSpec spec) {
    List<FieldItem> out = new ArrayList<>();
    for (FieldSpec<S> f : shown(spec)) {
      FieldItem item =
          new FieldItem(
              key(f),
              f.category(),
              f.label(),
              f.help(),
              f.kind(),
              f.choices().apply(spec),
              d -> pointer(f, d),
              s -> absentText(f, s));
      if (f.edit() != null) {
        item.withEdit(f.edit());
      }
      out.add(f.editable() ? item : item.readOnly());
    }
    return out;
  }

  /**
   * Writes a table row by row. A category (with, optionally, a condition for all its rows) holds
   * for the rows after it; {@link #named}, {@link #when}, {@link #orElse}, {@link #alias}, {@link
   * #choices}, {@link #editedBy} and {@link #readOnly} change the row just added.
   */
  static final class Builder<S> {
    private final String id;
    private final Supplier<String> base;
    private final Function<ProjectSpec, S> subject;
    private final List<FieldSpec<S>> rows = new ArrayList<>();
    private String category = "";
    private Predicate<S> group = s -> true;

    private Builder(String id, Supplier<String> base, Function<ProjectSpec, S> subject) {
      this.id = id;
      this.base = base;
      this.subject = subject;
    }

    Builder<S> category(String name) {
      return category(name, s -> true);
    }

    /** A category whose rows are shown only when {@code when} holds (LIF settings for LIF). */
    Builder<S> category(String name, Predicate<S> when) {
      category = name;
      group = when;
      return this;
    }

    /** A row: a field of {@code kind} at {@code pointer}, whose value {@code value} reads. */
    Builder<S> field(FieldItem.Kind kind, String pointer, String help, Function<S, Object> value) {
      rows.add(FieldSpec.of(category, kind, pointer, null, help, value).when(group));
      return this;
    }

    /** A row offering {@code choices}. */
    Builder<S> choice(
        String pointer, List<String> choices, String help, Function<S, Object> value) {
      rows.add(
          FieldSpec.of(category, FieldItem.Kind.CHOICE, pointer, choices, help, value).when(group));
      return this;
    }

    Builder<S> named(String label) {
      return last(f -> f.named(label));
    }

    Builder<S> when(Predicate<S> p) {
      return last(f -> f.when(p));
    }

    Builder<S> orElse(String absent) {
      return last(f -> f.orElse(absent));
    }

    Builder<S> alias(String name) {
      return last(f -> f.alias(name));
    }

    Builder<S> choices(Function<ProjectSpec, List<String>> c) {
      return last(f -> f.choices(c));
    }

    Builder<S> editedBy(BiFunction<ProjectDocument, JsonNode, ProjectEdit> e) {
      return last(f -> f.editedBy(e));
    }

    Builder<S> readOnly() {
      return last(FieldSpec::readOnly);
    }

    private Builder<S> last(Function<FieldSpec<S>, FieldSpec<S>> change) {
      int k = rows.size() - 1;
      rows.set(k, change.apply(rows.get(k)));
      return this;
    }

    FieldTable<S> build() {
      return new FieldTable<>(id, base, subject, rows);
    }
  }
}
