package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.project.ProjectSpec;

/**
 * A ControlsFX {@link PropertySheet} of the fields an editor's {@link FieldTable}s declare, bound
 * to a {@link ProjectDocument}: it shows the rows shown for the project as it is, each field's
 * value (or, greyed, the default that applies when the file leaves it out) with its help as the
 * tooltip, and turns what the user enters into an edit of the document.
 *
 * <p>Text fields apply on Enter or when they lose the focus (one step of undo per field change);
 * Escape gives back the document's value. Choices and check boxes apply at once. Expressions are
 * checked on every key and their error is shown with a caret at its column. An edit the document
 * refuses leaves the typed text in the field, marked, with the problems below the sheet: nothing
 * the user typed is lost, and the project is unchanged.
 */
public final class DocumentForm {
  private final PropertySheet sheet = new PropertySheet();
  private final ProblemView problem;
  private final VBox node;
  private final Function<FieldItem, String> label;
  private final Supplier<String> base;
  private final ProjectDocument.Listener listener = c -> refresh();
  private ProjectDocument doc;
  private List<FieldTable<?>> tables = List.of();
  private String shape = "";

  /**
   * @param id the sheet's id (its problems are {@code id + "Problem"})
   * @param label the undo label of a field's edit ("modulator: lifetime mean")
   * @param base the pointer problems are shown relative to (the selected type), or ""
   */
  public DocumentForm(String id, Function<FieldItem, String> label, Supplier<String> base) {
    this.label = label;
    this.base = base;
    this.problem = new ProblemView(id + "Problem");
    sheet.setId(id);
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    sheet.setMode(PropertySheet.Mode.CATEGORY);
    sheet.setPropertyEditorFactory(item -> editorFor((FieldItem) item));
    // Categories in the order the items list them, not alphabetically.
    sheet.setCategoryComparator((a, b) -> Integer.compare(order(a), order(b)));
    node = new VBox(4, sheet, problem);
    VBox.setVgrow(sheet, Priority.ALWAYS);
  }

  private int order(String category) {
    List<PropertySheet.Item> items = sheet.getItems();
    for (int k = 0; k < items.size(); k++) {
      if (Objects.equals(items.get(k).getCategory(), category)) {
        return k;
      }
    }
    return items.size();
  }

  public Node node() {
    return node;
  }

  public PropertySheet sheet() {
    return sheet;
  }

  /** Follows another document (or none). */
  public void setDocument(ProjectDocument d) {
    doc = ProjectDocument.follow(doc, d, listener);
    problem.clear();
    refresh();
  }

  /** The fields to show: the rows of {@code t} that are shown for the project as it is. */
  void setTables(List<FieldTable<?>> t) {
    tables = List.copyOf(t);
    shape = "";
    refresh();
  }

  /**
   * Shows the document's values (after any change, from any editor or undo). When the rows shown
   * change (a score expression replaced theta, the host became LIF) the items are built again;
   * otherwise the controls stay, so a field being typed in keeps its text and its focus.
   */
  public void refresh() {
    ProjectSpec spec = doc == null ? null : doc.spec();
    StringBuilder now = new StringBuilder();
    for (FieldTable<?> t : tables) {
      now.append(t.shape(spec));
    }
    if (!now.toString().equals(shape)) {
      shape = now.toString();
      List<FieldItem> items = new ArrayList<>();
      for (FieldTable<?> t : tables) {
        items.addAll(t.items(spec));
      }
      sheet.getItems().setAll(items);
    }
    if (doc == null) {
      return;
    }
    for (PropertySheet.Item i : sheet.getItems()) {
      FieldItem f = (FieldItem) i;
      try {
        f.valueProperty().set(f.read(doc));
      } catch (RuntimeException e) {
        f.valueProperty().set(""); // a pointer into a type or operator that is gone
      }
    }
  }

  /** The problems shown under the sheet ("" when none). */
  public String problemText() {
    return problem.isVisible() ? problem.messageText() : "";
  }

  /**
   * Applies what the user entered; false (with the reason shown) when it is not a value of the
   * field's kind or the document refused it.
   */
  boolean commit(FieldItem item, Object entered) {
    if (doc == null) {
      return false;
    }
    JsonNode v;
    try {
      v = item.parse(entered);
    } catch (FieldText.BadText e) {
      problem.text(item.getName() + " " + e.getMessage() + "; not applied");
      return false;
    }
    ProjectEdit edit = item.editFor(doc, v).labelled(label.apply(item));
    ProjectDocument.Result r = doc.apply(edit);
    if (r.refused()) {
      problem.problems(item.getName() + " not applied:", r.problems(), base.get());
      return false;
    }
    problem.clear();
    return true;
  }

  /** Checks an expression as it is typed; true when it is fine (or not an expression). */
  boolean check(FieldItem item, String text) {
    if (doc == null || !item.isExpression(text)) {
      problem.clear();
      return true;
    }
    try {
      doc.checkExpression(item.pointer(doc), text);
      problem.clear();
      return true;
    } catch (ExpressionException e) {
      problem.expression(item.getName(), e);
      return false;
    } catch (IllegalArgumentException e) {
      problem.clear();
      return true;
    }
  }

  private PropertyEditor<?> editorFor(FieldItem item) {
    return switch (item.kind()) {
      case BOOLEAN -> new CheckEditor(item);
      case CHOICE -> new ChoiceEditor(item);
      default -> new TextEditor(item);
    };
  }

  /** A text field that applies on Enter or focus loss. */
  private final class TextEditor implements PropertyEditor<Object> {
    private final FieldItem item;
    private final TextField field = new TextField();
    private String shown = "";
    private boolean dirty;

    TextEditor(FieldItem item) {
      this.item = item;
      field.setId("field-" + item.key());
      field.setTooltip(tooltip(item.getDescription()));
      if (!item.writable()) {
        // Shown, greyed, but not disabled: a disabled field would not show its help on hover.
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.setOpacity(0.6);
      }
      if (item.kind() == FieldItem.Kind.EXPRESSION || item.kind() == FieldItem.Kind.READOUT) {
        field.getStyleClass().add("expression-text");
      }
      item.valueProperty().addListener((o, a, b) -> show(b));
      field
          .textProperty()
          .addListener(
              (o, a, b) -> {
                dirty = !b.equals(shown);
                boolean expressionField =
                    item.kind() == FieldItem.Kind.EXPRESSION
                        || item.kind() == FieldItem.Kind.READOUT;
                if (dirty && expressionField) {
                  mark(!check(item, b));
                }
              });
      field.setOnAction(e -> apply());
      field
          .focusedProperty()
          .addListener(
              (o, was, now) -> {
                if (!now && dirty) {
                  apply();
                }
              });
      field.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
              dirty = false;
              show(item.getValue());
              problem.clear();
              e.consume();
            }
          });
    }

    private void apply() {
      if (!dirty) {
        return;
      }
      if (commit(item, field.getText())) {
        dirty = false;
        show(item.getValue());
      } else {
        mark(true);
      }
    }

    private void show(Object v) {
      if (dirty && field.isFocused()) {
        return; // the user is typing: their text wins until they apply or press Escape
      }
      shown = v == null ? "" : v.toString();
      dirty = false;
      field.setText(shown);
      mark(false);
      field.setPromptText(doc == null ? "" : prompt(item.absentText(doc.spec())));
    }

    private void mark(boolean bad) {
      if (bad) {
        if (!field.getStyleClass().contains("field-invalid")) {
          field.getStyleClass().add("field-invalid");
        }
      } else {
        field.getStyleClass().remove("field-invalid");
      }
    }

    @Override
    public Node getEditor() {
      return field;
    }

    @Override
    public Object getValue() {
      return field.getText();
    }

    @Override
    public void setValue(Object value) {
      show(value);
    }
  }

  /** A field's help as its tooltip, wrapped so a long one stays readable. */
  static Tooltip tooltip(String help) {
    Tooltip t = new Tooltip(help);
    t.setWrapText(true);
    t.setMaxWidth(420);
    return t;
  }

  private static String prompt(String absent) {
    return absent.isEmpty() ? "" : absent + " (default)";
  }

  /** A drop-down of the field's choices; applies at once. */
  private final class ChoiceEditor implements PropertyEditor<Object> {
    private final FieldItem item;
    private final ComboBox<String> box = new ComboBox<>();
    private boolean updating;

    ChoiceEditor(FieldItem item) {
      this.item = item;
      box.setId("field-" + item.key());
      box.getItems().setAll(item.choices());
      box.setTooltip(tooltip(item.getDescription()));
      box.setDisable(!item.writable());
      box.setMaxWidth(Double.MAX_VALUE);
      item.valueProperty().addListener((o, a, b) -> show(b));
      box.valueProperty()
          .addListener(
              (o, a, b) -> {
                if (!updating && b != null && !b.equals(item.getValue())) {
                  if (!commit(item, b)) {
                    show(item.getValue());
                  }
                }
              });
    }

    private void show(Object v) {
      updating = true;
      try {
        String s = v == null ? null : v.toString();
        if (s != null && !s.isEmpty() && !box.getItems().contains(s)) {
          box.getItems().add(s); // a value this editor does not list (a plugin's kind)
        }
        box.setValue(s == null || s.isEmpty() ? null : s);
      } finally {
        updating = false;
      }
    }

    @Override
    public Node getEditor() {
      return box;
    }

    @Override
    public Object getValue() {
      return box.getValue();
    }

    @Override
    public void setValue(Object value) {
      show(value);
    }
  }

  /** A check box; applies at once. */
  private final class CheckEditor implements PropertyEditor<Object> {
    private final FieldItem item;
    private final CheckBox box = new CheckBox();
    private boolean updating;

    CheckEditor(FieldItem item) {
      this.item = item;
      box.setId("field-" + item.key());
      box.setTooltip(tooltip(item.getDescription()));
      box.setDisable(!item.writable());
      item.valueProperty().addListener((o, a, b) -> show(b));
      box.selectedProperty()
          .addListener(
              (o, a, b) -> {
                if (!updating && !b.equals(item.getValue())) {
                  if (!commit(item, b)) {
                    show(item.getValue());
                  }
                }
              });
    }

    private void show(Object v) {
      updating = true;
      try {
        box.setSelected(Boolean.TRUE.equals(v));
      } finally {
        updating = false;
      }
    }

    @Override
    public Node getEditor() {
      return box;
    }

    @Override
    public Object getValue() {
      return box.isSelected();
    }

    @Override
    public void setValue(Object value) {
      show(value);
    }
  }
}
