package org.nvlab.viz.editor;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.project.Problem;

/**
 * Where an editor says what is wrong: a message and, for an expression, the text with a caret under
 * the column of the problem (in a monospaced font, so the caret stands under the character). Empty
 * and collapsed when all is well.
 */
final class ProblemView extends VBox {
  private final Label message = new Label();
  private final Label caret = new Label();

  ProblemView(String id) {
    setId(id);
    message.setId(id + "Message");
    caret.setId(id + "Caret");
    message.setWrapText(true);
    message.getStyleClass().add("editor-problem");
    caret.getStyleClass().addAll("editor-problem", "editor-caret");
    getChildren().addAll(message, caret);
    clear();
  }

  void clear() {
    message.setText("");
    caret.setText("");
    show(false);
  }

  /** An expression's error: "what: reason", then the text and a caret under the column. */
  void expression(String what, ExpressionException e) {
    message.setText(what + ", column " + e.column() + ": " + e.reason());
    caret.setText(e.pointer());
    caret.setVisible(true);
    caret.setManaged(true);
    show(true);
  }

  /** Problems of a refused edit, each with its field relative to {@code base} when inside it. */
  void problems(String prefix, List<Problem> problems, String base) {
    StringBuilder b = new StringBuilder(prefix);
    for (Problem p : problems) {
      b.append('\n').append(relative(p.pointer(), base)).append(": ").append(p.message());
    }
    message.setText(b.toString());
    caret.setText("");
    show(true);
    caret.setVisible(false);
    caret.setManaged(false);
  }

  /** One line, e.g. a value that is not a number. */
  void text(String text) {
    message.setText(text);
    caret.setText("");
    show(true);
    caret.setVisible(false);
    caret.setManaged(false);
  }

  String messageText() {
    return message.getText();
  }

  String caretText() {
    return caret.getText();
  }

  /** "/vesicleTypes/0/lifetime/mean" under base "/vesicleTypes/0" reads "lifetime/mean". */
  static String relative(String pointer, String base) {
    if (base != null && !base.isEmpty() && pointer.startsWith(base + "/")) {
      return pointer.substring(base.length() + 1);
    }
    return pointer.isEmpty() ? "/" : pointer;
  }

  private void show(boolean on) {
    setVisible(on);
    setManaged(on);
  }
}
