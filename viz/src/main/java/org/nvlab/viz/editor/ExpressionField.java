package org.nvlab.viz.editor;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.nvlab.core.expr.ExpressionException;

/**
 * A text field for an expression that is checked on every key: while the text is not a valid
 * expression the field is marked and the reason is shown under it with a caret at the column of the
 * problem, and nothing is handed on. Valid text is handed to {@link #setOnValid} once typing pauses
 * for {@link #SETTLE_MILLIS} ms, or at once on Enter or when the field is left (the kernel editor
 * applies it to the project, so the run takes it at its next tick). The pause keeps the valid
 * beginnings of a longer expression ("a_j" on the way to "a_j + a_k") out of the project.
 */
public final class ExpressionField extends VBox {
  /** Checks text for the field's place; throws with the column and the reason. */
  @FunctionalInterface
  public interface Checker {
    void check(String text) throws ExpressionException;
  }

  /** How long typing must pause before valid text is handed on. */
  public static final int SETTLE_MILLIS = 600;

  private final TextField text = new TextField();
  private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));
  private String pending;
  private final ProblemView problem;
  private final IntegerProperty errorColumn = new SimpleIntegerProperty(this, "errorColumn", -1);
  private final StringProperty errorReason = new SimpleStringProperty(this, "errorReason", "");
  private final String what;
  private Checker checker = t -> {};
  private Consumer<String> onValid = t -> {};
  private Runnable onLeave = () -> {};
  private boolean quiet;

  /**
   * @param id the text field's id; the error's is {@code id + "Problem"}
   * @param what how messages name the field ("kernel score")
   */
  public ExpressionField(String id, String what) {
    this.what = what;
    text.setId(id);
    text.getStyleClass().add("expression-text");
    problem = new ProblemView(id + "Problem");
    getChildren().addAll(text, problem);
    setSpacing(3);
    text.textProperty().addListener((o, a, b) -> typed(b));
    settle.setOnFinished(e -> handOn());
    text.setOnAction(
        e -> {
          handOn();
          onLeave.run();
        });
    text.focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                handOn();
                onLeave.run();
              }
            });
  }

  public void setChecker(Checker checker) {
    this.checker = checker;
  }

  public void setOnValid(Consumer<String> onValid) {
    this.onValid = onValid;
  }

  /** Called on Enter and when the field loses the focus (ends a step of undo). */
  public void setOnLeave(Runnable onLeave) {
    this.onLeave = onLeave;
  }

  public TextField textField() {
    return text;
  }

  /**
   * Shows text from the project without handing it on; keeps the user's text while they type
   * (invalid, or valid and waiting for the pause).
   */
  public void show(String value) {
    String v = value == null ? "" : value;
    if (v.equals(text.getText())
        || (text.isFocused() && (errorColumn.get() >= 0 || pending != null))) {
      return;
    }
    settle.stop();
    pending = null;
    quiet = true;
    try {
      text.setText(v);
    } finally {
      quiet = false;
    }
    clearError();
  }

  /** Shows another problem (e.g. the project refused the expression for another reason). */
  public void showProblem(String message) {
    problem.text(message);
    mark(true);
  }

  /** The column of the current error, or -1 when the text is valid. */
  public ReadOnlyIntegerProperty errorColumnProperty() {
    return errorColumn;
  }

  /** The current error's reason, or "". */
  public ReadOnlyStringProperty errorReasonProperty() {
    return errorReason;
  }

  /** The caret line shown under the text ("" when valid): the text, then '^' at the column. */
  public String caretText() {
    return problem.caretText();
  }

  public String messageText() {
    return problem.messageText();
  }

  private void typed(String value) {
    try {
      checker.check(value);
    } catch (ExpressionException e) {
      settle.stop();
      pending = null;
      errorColumn.set(e.column());
      errorReason.set(e.reason());
      problem.expression(what, e);
      mark(true);
      return;
    }
    clearError();
    if (!quiet) {
      pending = value;
      settle.playFromStart();
    }
  }

  /** Hands on the valid text waiting for typing to pause, if any. */
  private void handOn() {
    settle.stop();
    String v = pending;
    pending = null;
    if (v != null) {
      onValid.accept(v);
    }
  }

  private void clearError() {
    errorColumn.set(-1);
    errorReason.set("");
    problem.clear();
    mark(false);
  }

  private void mark(boolean bad) {
    if (bad) {
      if (!text.getStyleClass().contains("field-invalid")) {
        text.getStyleClass().add("field-invalid");
      }
    } else {
      text.getStyleClass().remove("field-invalid");
    }
  }
}
