package org.nvlab.app.desktop;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;

/**
 * The window's dialogs, owned by it and styled like it: a question with a few answers, the problems
 * of a project that did not load, a run that stopped, a save that failed. They say what happened
 * and what was kept, never a stack trace (one that is not the user's doing goes to the error
 * stream, for a bug report). FX thread only.
 */
final class LabDialogs {
  private final Stage owner;
  private final String css;

  /**
   * @param css the window's stylesheet, or null
   */
  LabDialogs(Stage owner, String css) {
    this.owner = owner;
    this.css = css;
  }

  /**
   * Asks and waits for the answer (the FX thread goes on handling events meanwhile). Closing the
   * dialog answers with the last choice, which should be the one that does nothing.
   */
  ButtonType ask(String id, String title, String header, ButtonType... choices) {
    Alert alert = prepare(new Alert(Alert.AlertType.CONFIRMATION), id);
    alert.setTitle(title);
    alert.setHeaderText(header);
    alert.getButtonTypes().setAll(choices);
    return alert.showAndWait().orElse(choices[choices.length - 1]);
  }

  /**
   * A project that did not load: every problem, one a line ({@code FILE:/pointer: reason}), and
   * what stays open.
   *
   * @param name the project's name as the user knows it
   * @param file where it was read from (named on the error stream for an error that is not the
   *     user's)
   * @param kept what stays open, a sentence
   */
  void problems(String name, Path file, Throwable error, String kept) {
    Alert alert = prepare(new Alert(Alert.AlertType.ERROR), "problemsDialog");
    alert.setTitle("Project not opened");
    TextArea text = new TextArea();
    text.setId("problemsText");
    text.setEditable(false);
    text.setWrapText(true);
    if (error instanceof ProjectException pe) {
      List<Problem> problems = pe.problems();
      alert.setHeaderText(
          name
              + " has "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "; "
              + kept);
      StringBuilder b = new StringBuilder();
      for (Problem p : problems) {
        b.append(p).append('\n');
      }
      text.setText(b.toString().strip());
      text.setPrefRowCount(Math.min(16, 2 * problems.size() + 1)); // room for wrapped lines
    } else {
      alert.setHeaderText(name + " could not be opened; " + kept);
      text.setText(error == null ? "unknown error" : reason(error));
      text.setPrefRowCount(3);
      if (error != null) { // not the user's doing: keep the trace for a bug report, off the window
        System.err.println("nvlab: opening " + file + " failed:");
        error.printStackTrace();
      }
    }
    text.setPrefColumnCount(64);
    alert.getDialogPane().setContent(text);
    alert.show();
  }

  /** The run stopped (it diverged, or the engine refused a value): the engine's message. */
  void runStopped(String text) {
    Alert alert = prepare(new Alert(Alert.AlertType.WARNING), "failureDialog");
    alert.setTitle("The run stopped");
    alert.setHeaderText("The simulation stopped");
    Label body = new Label(text + "\n\nReset (Ctrl+R) starts the run again from the project.");
    body.setWrapText(true);
    body.setMaxWidth(520);
    alert.getDialogPane().setContent(body);
    alert.show();
  }

  /**
   * A save the user chose before closing or opening something else failed: what and why, and that
   * nothing was closed or discarded.
   */
  void saveFailed(String name, String why) {
    Alert alert = prepare(new Alert(Alert.AlertType.ERROR), "saveFailedDialog");
    alert.setTitle("Not saved");
    alert.setHeaderText(name + " was not saved, so it stays open with its changes");
    Label body =
        new Label(
            why
                + "\n\nNothing was closed or discarded. Save as (Ctrl+Shift+S) can write it to"
                + " another folder.");
    body.setId("saveFailedText");
    body.setWrapText(true);
    body.setMaxWidth(520);
    alert.getDialogPane().setContent(body);
    alert.show();
  }

  /**
   * A failure in words: its message, or for a file the system refused, which file and why
   * (".../project.json.bak: Is a directory"). A file moved into place is named by where it was to
   * go, not by the temporary file it came from.
   */
  static String reason(Throwable t) {
    if (t instanceof FileSystemException f && f.getFile() != null) {
      String file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
      String why = f.getReason();
      if (why == null) { // e.g. AccessDeniedException: the class says why
        String kind = f.getClass().getSimpleName().replaceFirst("Exception$", "");
        why =
            kind.equals("FileSystem")
                ? "refused"
                : kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
      }
      return file + ": " + why;
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private Alert prepare(Alert alert, String id) {
    alert.initOwner(owner);
    alert.getDialogPane().setId(id);
    alert.setResizable(true);
    if (css != null) {
      alert.getDialogPane().getStylesheets().add(css);
    }
    return alert;
  }
}
