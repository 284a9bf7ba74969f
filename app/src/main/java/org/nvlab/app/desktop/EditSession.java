package org.nvlab.app.desktop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.nvlab.core.ModelChange;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.editor.EditorsPane;

/**
 * The open project being edited, between the editors and the run: the editors change the {@link
 * ProjectDocument}; every change it accepts (edit, undo, redo) goes to the {@link
 * SimulationService}, which hands rule changes to the running engine for its next tick and keeps
 * structural ones for the next reset; and the outcome is said under the editors and in the status
 * bar. Owns the Edit menu (Undo, Redo, Show editors).
 *
 * <p>FX thread only.
 */
final class EditSession {
  private final SimulationService service;
  private final EditorsPane pane;
  private final Consumer<String> status;
  private final Runnable onChange;
  private final MenuItem undo = new MenuItem("Undo");
  private final MenuItem redo = new MenuItem("Redo");
  private final CheckMenuItem show = new CheckMenuItem("Editors");
  private final Menu menu = new Menu("Edit");
  private final ProjectDocument.Listener listener = this::changed;
  private ProjectDocument doc;

  /**
   * @param status where outcomes are said (the status bar)
   * @param onChange called after every change of the document, saves included (title, autosave)
   */
  EditSession(
      SimulationService service, EditorsPane pane, Consumer<String> status, Runnable onChange) {
    this.service = service;
    this.pane = pane;
    this.status = status;
    this.onChange = onChange;
    undo.setId("undoItem");
    undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
    undo.setOnAction(e -> undo());
    redo.setId("redoItem");
    redo.setAccelerator(
        new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    redo.setOnAction(e -> redo());
    show.setId("editorsPanelItem");
    show.setSelected(true);
    show.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    show.selectedProperty()
        .addListener(
            (o, a, b) -> {
              pane.setVisible(b);
              pane.setManaged(b);
            });
    pane.setActivationSource(
        () -> {
          Snapshot s = service.latest();
          return s == null ? null : s.activation();
        });
    menu.getItems().addAll(undo, redo);
    menu.setId("editMenu");
    updateMenu();
  }

  /** The Edit menu. */
  Menu menu() {
    return menu;
  }

  /** The View menu's item that shows and hides the editors. */
  CheckMenuItem showItem() {
    return show;
  }

  /** Ctrl+Y redoes too (the other common binding). */
  void install(Scene scene) {
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
  }

  /** Edits a newly opened project (its document, as the service loaded it). */
  void open(ProjectDocument d) {
    doc = ProjectDocument.follow(doc, d, listener);
    pane.setDocument(d);
    updateMenu();
  }

  ProjectDocument document() {
    return doc;
  }

  void undo() {
    if (doc != null && doc.canUndo()) {
      report("Undo", doc.undo());
    }
  }

  void redo() {
    if (doc != null && doc.canRedo()) {
      report("Redo", doc.redo());
    }
  }

  /** An undo or redo the document refused (the project would not load any more) is said. */
  private void report(String what, ProjectDocument.Result r) {
    if (r.refused()) {
      say(what + " refused: " + r.problems().get(0));
    }
  }

  private void changed(ProjectDocument.Change c) {
    updateMenu();
    onChange.run();
    if (c.kind() == ProjectDocument.Kind.SAVED) {
      return;
    }
    String what =
        switch (c.kind()) {
          case UNDO -> "Undid " + c.label();
          case REDO -> "Redid " + c.label();
          default -> c.label();
        };
    CompletableFuture<ModelChange> f = service.edited(c.revision());
    f.whenComplete((effect, error) -> Platform.runLater(() -> outcome(what, effect, error)));
  }

  private void outcome(String what, ModelChange effect, Throwable error) {
    if (error != null) {
      Throwable t =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      say(
          what
              + ": in the project, but the running model could not take it ("
              + t.getMessage()
              + "); Reset (Ctrl+R) applies it");
      return;
    }
    say(
        switch (effect.kind()) {
          case LIVE -> what + ": the run takes it at the next tick";
          case RESET ->
              what
                  + ": takes effect on Reset (Ctrl+R)"
                  + (effect.reason() != null ? " (" + effect.reason() + ")" : "");
          default -> what + ": in the project (nothing the run computes changed)";
        });
  }

  private void say(String text) {
    pane.showNote(text);
    status.accept(text);
  }

  private void updateMenu() {
    boolean u = doc != null && doc.canUndo();
    boolean r = doc != null && doc.canRedo();
    undo.setDisable(!u);
    redo.setDisable(!r);
    undo.setText(u ? "Undo " + doc.undoLabel() : "Undo");
    redo.setText(r ? "Redo " + doc.redoLabel() : "Redo");
  }
}
