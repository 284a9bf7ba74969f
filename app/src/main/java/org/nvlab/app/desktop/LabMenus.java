package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar: File (new, open a folder, a shared zip, a recent or a sample project, save, save
 * as, quit), Edit (the {@link EditSession}'s undo and redo), Run (play, step, reset, record) and
 * View (the panels), with the shortcuts the user guide's Keyboard table lists (Ctrl is the
 * platform's shortcut key). Which items are enabled follows the window ({@link #update}). FX thread
 * only.
 */
final class LabMenus {
  private static final KeyCombination.Modifier CTRL = KeyCombination.SHORTCUT_DOWN;
  private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

  private final ProjectActions projects;
  private final MenuItem saveItem = new MenuItem("Save");
  private final MenuItem saveAsItem = new MenuItem("Save as...");
  private final MenuItem playItem = new MenuItem("Play");
  private final MenuItem stepItem = new MenuItem("Step");
  private final MenuItem resetItem = new MenuItem("Reset");
  private final MenuItem recordItem = new MenuItem("Record run in project");
  private final Menu recentMenu = new Menu("Open recent");
  private final MenuBar bar;

  LabMenus(
      ProjectActions projects,
      RunControls run,
      LabPanels panels,
      EditSession editing,
      Path samplesFolder) {
    this.projects = projects;
    bar = new MenuBar(file(samplesFolder), editing.menu(), run(run), view(panels, editing));
    bar.setId("menuBar");
  }

  MenuBar node() {
    return bar;
  }

  private Menu file(Path samplesFolder) {
    MenuItem newItem = item("New project", new KeyCodeCombination(KeyCode.N, CTRL));
    newItem.setId("newItem");
    newItem.setOnAction(e -> projects.newProject());
    MenuItem openFolder = item("Open project folder...", new KeyCodeCombination(KeyCode.O, CTRL));
    openFolder.setOnAction(e -> projects.chooseFolder());
    MenuItem openZip = item("Open shared project (.nvlab.zip)...", null);
    openZip.setOnAction(e -> projects.chooseArchive());
    recentMenu.setId("recentMenu");
    recentMenu.setOnShowing(e -> fillRecent());
    fillRecent();
    Menu samples = new Menu("Open sample");
    samples.getItems().setAll(projectItems(SampleProjects.list(samplesFolder), false));
    if (samples.getItems().isEmpty()) {
      samples.getItems().add(none("(no sample-projects folder found)"));
    }
    saveItem.setId("saveItem");
    saveItem.setAccelerator(new KeyCodeCombination(KeyCode.S, CTRL));
    saveItem.setOnAction(e -> projects.save());
    saveAsItem.setAccelerator(new KeyCodeCombination(KeyCode.S, CTRL, SHIFT));
    saveAsItem.setOnAction(e -> projects.chooseSaveAs());
    MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, CTRL));
    quit.setOnAction(e -> projects.quit());
    return new Menu(
        "File",
        null,
        newItem,
        openFolder,
        openZip,
        recentMenu,
        samples,
        new SeparatorMenuItem(),
        saveItem,
        saveAsItem,
        new SeparatorMenuItem(),
        quit);
  }

  private Menu run(RunControls run) {
    playItem.setAccelerator(new KeyCodeCombination(KeyCode.SPACE));
    playItem.setOnAction(e -> run.togglePlay());
    stepItem.setAccelerator(new KeyCodeCombination(KeyCode.S));
    stepItem.setOnAction(e -> run.step());
    resetItem.setAccelerator(new KeyCodeCombination(KeyCode.R, CTRL));
    resetItem.setOnAction(e -> run.reset());
    recordItem.setId("recordItem");
    recordItem.setAccelerator(new KeyCodeCombination(KeyCode.R, CTRL, SHIFT));
    recordItem.setOnAction(e -> run.recordRun());
    return new Menu(
        "Run", null, playItem, stepItem, resetItem, new SeparatorMenuItem(), recordItem);
  }

  /** View: the panels' items (the editors' own shortcut, Ctrl+E, is set by the edit session). */
  private static Menu view(LabPanels panels, EditSession editing) {
    panels.samplesItem().setAccelerator(new KeyCodeCombination(KeyCode.DIGIT1, CTRL));
    panels.chartsItem().setAccelerator(new KeyCodeCombination(KeyCode.DIGIT2, CTRL));
    panels.inspectorItem().setAccelerator(new KeyCodeCombination(KeyCode.DIGIT3, CTRL));
    return new Menu(
        "View",
        null,
        panels.samplesItem(),
        panels.chartsItem(),
        panels.inspectorItem(),
        editing.showItem());
  }

  private void fillRecent() {
    recentMenu.getItems().setAll(projectItems(projects.recent(), true));
    if (recentMenu.getItems().isEmpty()) {
      recentMenu.getItems().add(none("(none yet)"));
    }
  }

  /** One item per project, opening it; a recent project's item says where it is. */
  private List<MenuItem> projectItems(List<Path> list, boolean withFolder) {
    return list.stream()
        .map(
            p -> {
              String name = SampleProjects.displayName(p);
              MenuItem item = item(withFolder ? name + "  (" + p.getParent() + ")" : name, null);
              item.setOnAction(e -> projects.open(p));
              return item;
            })
        .toList();
  }

  private static MenuItem item(String text, KeyCombination shortcut) {
    MenuItem item = new MenuItem(text);
    item.setAccelerator(shortcut);
    return item;
  }

  private static MenuItem none(String text) {
    MenuItem item = new MenuItem(text);
    item.setDisable(true);
    return item;
  }

  /**
   * Follows the window's state: Save and Save as need a project; Play, Step and Reset a project not
   * loading; Record a project in a folder; Play says Pause while playing.
   */
  void update(boolean open, boolean runnable, boolean recordable, boolean playing) {
    saveItem.setDisable(!open);
    saveAsItem.setDisable(!open);
    playItem.setText(playing ? "Pause" : "Play");
    for (MenuItem item : List.of(playItem, stepItem, resetItem)) {
      item.setDisable(!runnable);
    }
    recordItem.setDisable(!recordable);
  }
}
