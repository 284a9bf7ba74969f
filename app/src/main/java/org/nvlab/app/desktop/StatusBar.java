package org.nvlab.app.desktop;

import java.util.List;
import java.util.Locale;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.nvlab.core.snapshot.Snapshot;

/**
 * The window's bottom line: the last message, the progress of the task running in the background (a
 * load, a save, a recording, an export) with Cancel when it can be cancelled, and the run's
 * numbers: tick, live vesicles, ticks the engine ran per second and frames the network view drew
 * per second. FX thread only.
 */
final class StatusBar {
  /** How long the rates are averaged over. */
  private static final long RATE_WINDOW_NANOS = 500_000_000L;

  private final Label message = new Label();
  private final Label tick = new Label("tick -");
  private final Label population = new Label("vesicles -");
  private final Label tps = new Label("0 ticks/s");
  private final Label fps = new Label("0 fps");
  private final Label rewind = new Label("");
  private final ProgressBar progress = new ProgressBar();
  private final Button cancel = new Button("Cancel");
  private final HBox bar;
  private Task<?> running;
  private long rateWindowStart;
  private int rateWindowTick = -1;
  private long framesAtWindow;

  StatusBar() {
    message.setId("messageLabel");
    tick.setId("tickLabel");
    population.setId("populationLabel");
    tps.setId("tpsLabel");
    fps.setId("fpsLabel");
    rewind.setId("rewindLabel");
    rewind.setTooltip(
        new Tooltip(
            "Recent states kept to look back on the timeline, and the memory they take (bounded:"
                + " older states thin out as the run grows)"));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    progress.setId("progressBar");
    progress.setPrefWidth(120);
    progress.setVisible(false);
    cancel.setId("cancelButton");
    cancel.setVisible(false);
    cancel.setFocusTraversable(false);
    cancel.setOnAction(e -> cancelTask());
    bar = new HBox(18, message, progress, cancel, grow, rewind, tick, population, tps, fps);
    for (Label l : List.of(rewind, tick, population, tps, fps)) {
      l.getStyleClass().add("stat");
    }
    tick.setTooltip(new Tooltip("Ticks run since the project was opened or reset"));
    population.setTooltip(new Tooltip("Live vesicles of all types"));
    tps.setTooltip(new Tooltip("Ticks the engine ran per second"));
    fps.setTooltip(
        new Tooltip("Frames the network view drew per second (every frame while vesicles move)"));
    tick.setMinWidth(80);
    population.setMinWidth(110);
    tps.setMinWidth(90);
    fps.setMinWidth(55);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.getStyleClass().add("status-bar");
  }

  HBox node() {
    return bar;
  }

  /** Says one line (the outcome of the last action). */
  void say(String text) {
    message.setText(text);
  }

  /**
   * Shows a task's progress while it runs, and a Cancel button when it may be cancelled (a load, a
   * recording, an export: not a save, which must finish or fail on its own).
   */
  void track(Task<?> task, boolean cancellable) {
    running = task;
    progress.progressProperty().bind(task.progressProperty());
    progress.visibleProperty().bind(task.runningProperty());
    cancel.visibleProperty().unbind();
    if (cancellable) {
      cancel.visibleProperty().bind(task.runningProperty());
    } else {
      cancel.setVisible(false);
    }
  }

  private void cancelTask() {
    Task<?> t = running;
    if (t != null && t.isRunning()) {
      t.cancel();
    }
  }

  /** A new snapshot reached the window: its tick and live vesicles. */
  void shown(Snapshot s) {
    tick.setText("tick " + s.tick());
    population.setText("vesicles " + s.totalPopulation());
  }

  /**
   * Once per pulse: every half second, the ticks per second and frames per second since the last
   * update.
   *
   * @param tickShown the tick of the snapshot shown, or -1
   * @param frames frames the network view has drawn so far
   */
  void rates(long now, int tickShown, long frames) {
    long elapsed = now - rateWindowStart;
    if (elapsed < RATE_WINDOW_NANOS) {
      return;
    }
    double seconds = elapsed / 1e9;
    double ticks =
        rateWindowTick >= 0 && tickShown >= rateWindowTick ? tickShown - rateWindowTick : 0;
    tps.setText(String.format(Locale.ROOT, "%.0f ticks/s", ticks / seconds));
    fps.setText(String.format(Locale.ROOT, "%.0f fps", (frames - framesAtWindow) / seconds));
    rateWindowStart = now;
    rateWindowTick = tickShown;
    framesAtWindow = frames;
  }

  /** The rewind ring's states and memory (empty with no run). */
  void rewind(Timeline t) {
    String text = t.runs().isEmpty() ? "" : t.memoryText();
    if (!text.equals(rewind.getText())) {
      rewind.setText(text);
    }
  }
}
