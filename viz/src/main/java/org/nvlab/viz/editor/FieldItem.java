package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec;

/**
 * One project field in a property sheet, made by a {@link FieldTable} from its {@link FieldSpec}
 * row: its name and help (the description ControlsFX shows and the control's tooltip), where it
 * lives in the project (a JSON pointer, which may depend on the selected type), how its text reads
 * ({@link Kind}), and what applies when the file leaves it out.
 *
 * <p>The item's value is the text (or, for a check box, the boolean) the editor shows; {@link
 * DocumentForm} sets it from the document after every change and turns what the user enters into a
 * {@code ProjectEdit}.
 */
public final class FieldItem implements PropertySheet.Item {

  /** How the field's text reads. */
  public enum Kind {
    NUMBER,
    INTEGER,
    /** A number or "Infinity". */
    TEMPERATURE,
    TEXT,
    CHOICE,
    BOOLEAN,
    /** A list of numbers, "0.5, 0.2". */
    NUMBERS,
    /** Rows of numbers, "1, 0; 0, 1". */
    MATRIX,
    /** A list of numbers or an expression (a release readout). */
    READOUT,
    /** A node set: "all", "layer 1", "range 0 10", "0, 4, 7". */
    NODES,
    EXPRESSION
  }

  private final String key;
  private final String category;
  private final String name;
  private final String description;
  private final Kind kind;
  private final List<String> choices;
  private final Function<ProjectDocument, String> pointer;
  private final Function<ProjectSpec, String> shownWhenAbsent;
  private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
  private boolean editable = true;
  private BiFunction<ProjectDocument, JsonNode, ProjectEdit> edit;

  /**
   * @param key a short stable name, used for the editor control's id ("field-" + key)
   * @param pointer the field's JSON pointer in the current document
   * @param shownWhenAbsent the value that applies when the file leaves the field out (shown greyed
   *     as a prompt), or null
   */
  FieldItem(
      String key,
      String category,
      String name,
      String description,
      Kind kind,
      List<String> choices,
      Function<ProjectDocument, String> pointer,
      Function<ProjectSpec, String> shownWhenAbsent) {
    this.key = key;
    this.category = category;
    this.name = name;
    this.description = description;
    this.kind = kind;
    this.choices = choices == null ? List.of() : List.copyOf(choices);
    this.pointer = pointer;
    this.shownWhenAbsent = shownWhenAbsent;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public List<String> choices() {
    return choices;
  }

  /** The field's pointer in {@code doc}. */
  public String pointer(ProjectDocument doc) {
    return pointer.apply(doc);
  }

  /** What applies when the field is absent, as text, or "" when nothing is known. */
  String absentText(ProjectSpec spec) {
    if (shownWhenAbsent == null || spec == null) {
      return "";
    }
    try {
      String s = shownWhenAbsent.apply(spec);
      return s == null ? "" : s;
    } catch (RuntimeException e) {
      return ""; // a type or operator that is no longer there: nothing to show
    }
  }

  /** The display value (text, or a Boolean for check boxes) of the field in {@code doc}. */
  Object read(ProjectDocument doc) {
    JsonNode v = doc.get(pointer(doc));
    if (kind == Kind.BOOLEAN) {
      if (v.isBoolean()) {
        return v.booleanValue();
      }
      return Boolean.parseBoolean(absentText(doc.spec()));
    }
    if (kind == Kind.CHOICE && (v.isMissingNode() || v.isNull())) {
      return absentText(doc.spec());
    }
    return FieldText.format(v);
  }

  /** The JSON for entered text, or null to remove the field (so its default applies). */
  JsonNode parse(Object entered) throws FieldText.BadText {
    if (kind == Kind.BOOLEAN) {
      return BooleanNode.valueOf(Boolean.TRUE.equals(entered));
    }
    String text = entered == null ? "" : entered.toString();
    if (text.isBlank()) {
      return null;
    }
    return switch (kind) {
      case NUMBER -> FieldText.number(text);
      case INTEGER -> FieldText.integer(text);
      case TEMPERATURE -> FieldText.temperature(text);
      case NUMBERS -> FieldText.numbers(text);
      case MATRIX -> FieldText.matrix(text);
      case READOUT ->
          FieldText.isNumbers(text) ? FieldText.numbers(text) : TextNode.valueOf(text.strip());
      case NODES -> FieldText.nodes(text);
      case EXPRESSION, TEXT, CHOICE -> TextNode.valueOf(text.strip());
      default -> throw new IllegalStateException(kind.toString());
    };
  }

  /** True when the entered text is an expression to check while typing. */
  boolean isExpression(Object entered) {
    return kind == Kind.EXPRESSION
        || (kind == Kind.READOUT
            && entered != null
            && !entered.toString().isBlank()
            && !FieldText.isNumbers(entered.toString()));
  }

  /**
   * Makes this field's changes with {@code edit} (given the document and the new value, null to
   * leave the field out) instead of setting its pointer: a choice that reshapes its object, such as
   * a graph builder whose other fields must go.
   */
  FieldItem withEdit(BiFunction<ProjectDocument, JsonNode, ProjectEdit> edit) {
    this.edit = edit;
    return this;
  }

  /** The edit that gives the field {@code v} (null: leave it out, so its default applies). */
  ProjectEdit editFor(ProjectDocument doc, JsonNode v) {
    if (edit != null) {
      return edit.apply(doc, v);
    }
    String p = pointer(doc);
    return v == null ? ProjectEdit.remove(p) : ProjectEdit.set(p, v);
  }

  FieldItem readOnly() {
    editable = false;
    return this;
  }

  /** False for a field that is only shown (a release operator's kind). */
  boolean writable() {
    return editable;
  }

  ObjectProperty<Object> valueProperty() {
    return value;
  }

  @Override
  public Class<?> getType() {
    return kind == Kind.BOOLEAN ? Boolean.class : String.class;
  }

  @Override
  public String getCategory() {
    return category;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Object getValue() {
    return value.get();
  }

  @Override
  public void setValue(Object v) {
    value.set(v);
  }

  @Override
  public Optional<ObservableValue<? extends Object>> getObservableValue() {
    return Optional.of(value);
  }

  /**
   * Always true: ControlsFX disables the control of a field that is not editable, and a disabled
   * control shows no tooltip. {@link DocumentForm} makes a read-only field's text non-editable
   * instead (see {@link #writable}).
   */
  @Override
  public boolean isEditable() {
    return true;
  }
}
