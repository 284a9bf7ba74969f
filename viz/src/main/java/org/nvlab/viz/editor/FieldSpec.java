package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;

/**
 * One field of an editor, declared as data: where it lives (a JSON pointer relative to its table's
 * subject, such as {@code "weights/activation"} below a type's emission), how the sheet shows it
 * (label, category, {@link FieldItem.Kind}, choices), its help (the field's tooltip and the
 * description ControlsFX shows), how to read the value the project holds from the spec, and when
 * the field is shown at all. A {@link FieldTable} holds the rows of one subject and turns them into
 * property-sheet items.
 *
 * @param <S> the subject's record in the spec (a type's {@code EmissionSpec}, a {@code HostSpec})
 * @param pointer below the subject, '/' between names
 * @param label the name on the sheet (the pointer's last name unless given)
 * @param category the sheet's group
 * @param choices the words a choice offers, from the project as it is now (a cascade's child names
 *     the project's types)
 * @param help one line saying what the field means: its tooltip
 * @param value the value the spec holds for the field: what applies, and what the sheet shows
 *     greyed when the file leaves the field out
 * @param absent what the sheet shows greyed when {@code value} is null ("weights and bias")
 * @param shown when the field is on the sheet (theta only without a score expression)
 * @param alias another name the file may give the field instead ("value" for a lifetime's mean):
 *     when the file uses it, the field reads and edits it
 * @param edit the edit a change makes when it is more than setting the pointer (given the document
 *     and the new value, null to leave the field out), or null
 * @param editable false for a field that is only shown
 */
record FieldSpec<S>(
    String pointer,
    String label,
    String category,
    FieldItem.Kind kind,
    Function<ProjectSpec, List<String>> choices,
    String help,
    Function<S, Object> value,
    String absent,
    Predicate<S> shown,
    String alias,
    BiFunction<ProjectDocument, JsonNode, ProjectEdit> edit,
    boolean editable) {

  FieldSpec {
    if (pointer.isEmpty() || pointer.startsWith("/")) {
      throw new IllegalArgumentException("a field's pointer is relative: " + pointer);
    }
    if (help == null || help.isBlank()) {
      throw new IllegalArgumentException(pointer + " needs its help text");
    }
  }

  /** A row with the usual parts: labelled by its pointer's last name, shown always. */
  static <S> FieldSpec<S> of(
      String category,
      FieldItem.Kind kind,
      String pointer,
      List<String> choices,
      String help,
      Function<S, Object> value) {
    List<String> fixed = choices == null ? List.of() : List.copyOf(choices);
    return new FieldSpec<>(
        pointer,
        pointer.substring(pointer.lastIndexOf('/') + 1),
        category,
        kind,
        s -> fixed,
        help,
        value,
        null,
        s -> true,
        null,
        null,
        true);
  }

  FieldSpec<S> named(String l) {
    return new FieldSpec<>(
        pointer, l, category, kind, choices, help, value, absent, shown, alias, edit, editable);
  }

  FieldSpec<S> when(Predicate<S> p) {
    Predicate<S> both = shown.and(p);
    return new FieldSpec<>(
        pointer, label, category, kind, choices, help, value, absent, both, alias, edit, editable);
  }

  FieldSpec<S> orElse(String a) {
    return new FieldSpec<>(
        pointer, label, category, kind, choices, help, value, a, shown, alias, edit, editable);
  }

  FieldSpec<S> alias(String a) {
    return new FieldSpec<>(
        pointer, label, category, kind, choices, help, value, absent, shown, a, edit, editable);
  }

  FieldSpec<S> choices(Function<ProjectSpec, List<String>> c) {
    return new FieldSpec<>(
        pointer, label, category, kind, c, help, value, absent, shown, alias, edit, editable);
  }

  FieldSpec<S> editedBy(BiFunction<ProjectDocument, JsonNode, ProjectEdit> e) {
    return new FieldSpec<>(
        pointer, label, category, kind, choices, help, value, absent, shown, alias, e, editable);
  }

  FieldSpec<S> readOnly() {
    return new FieldSpec<>(
        pointer, label, category, kind, choices, help, value, absent, shown, alias, edit, false);
  }
}
