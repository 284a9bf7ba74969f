package org.nvlab.app.desktop;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The timeline under the graph: a slider over the ticks the active run has run. Dragging it back
 * pauses the run and shows it at that tick, exactly (rebuilt from the rewind ring and replayed);
 * from there the user can go back to the present, resume the run from the tick shown (what came
 * after it is dropped), or branch from it: a new run that keeps the original's history, drawn over
 * it in the charts until one of them is closed. The run list switches between the runs and closes
 * one. FX thread only; every action is a command to the service.
 */
final class TimelineBar {
  /** How long a drag rests before the tick it points at is shown. */
  static final Duration SETTLE = Duration.millis(60);

  private final SimulationService service;
  private final Slider slider = new Slider(0, 1, 0);
  private final Label tick = new Label("tick -");
  private final Button live = new Button("Back to now");
  private final Button resume = new Button("Resume from here");
  private final Button branch = new Button("Branch from here");
  private final ChoiceBox<Timeline.RunInfo> runList = new ChoiceBox<>();
  private final Button closeRun = new Button("Close run");
  private final PauseTransition settle = new PauseTransition(SETTLE);
  private final HBox bar;
  private Timeline shown = Timeline.NONE;
  private boolean updating;
  private int asked = -1; // the tick last asked for, until the engine shows it
  private java.util.List<String> runNames = java.util.List.of();

  TimelineBar(SimulationService service, java.util.function.Consumer<String> say) {
    this.service = service;
    slider.setId("timelineSlider");
    slider.setFocusTraversable(false);
    slider.setTooltip(
        new Tooltip(
            "Drag back to look at an earlier tick of the run (it pauses); drag to the end"
                + " to come back"));
    tick.setId("timelineTick");
    tick.setMinWidth(150);
    live.setId("timelineLive");
    live.setTooltip(new Tooltip("Show the run as it is now"));
    resume.setId("timelineResume");
    resume.setTooltip(
        new Tooltip("Go on from the tick shown; what the run did after it is forgotten"));
    branch.setId("timelineBranch");
    branch.setTooltip(
        new Tooltip(
            "Start a new run from the tick shown; the original keeps its history and both"
                + " are drawn in the charts"));
    runList.setId("runList");
    runList.setTooltip(new Tooltip("The run that Play and Step advance"));
    runList.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Timeline.RunInfo r) {
            return r == null ? "" : r.label();
          }

          @Override
          public Timeline.RunInfo fromString(String s) {
            return null;
          }
        });
    closeRun.setId("closeRunButton");
    closeRun.setTooltip(new Tooltip("Close the chosen run (the charts drop it)"));
    for (Button b : new Button[] {live, resume, branch, closeRun}) {
      b.setFocusTraversable(false);
    }
    slider
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                settle.playFromStart();
              }
            });
    settle.setOnFinished(e -> ask((int) Math.round(slider.getValue())));
    live.setOnAction(
        e -> {
          asked = -1;
          service.live();
        });
    resume.setOnAction(
        e -> {
          asked = -1;
          service.resumeFromShown();
          say.accept("The run goes on from tick " + shown.shown() + "; its later ticks are gone");
        });
    branch.setOnAction(
        e -> {
          asked = -1;
          service.branchFromShown();
          say.accept(
              "Branched at tick "
                  + shown.shown()
                  + ": both runs are in the charts until one is closed");
        });
    runList.setOnAction(
        e -> {
          Timeline.RunInfo r = runList.getValue();
          if (!updating && r != null && r.id() != shown.active()) {
            service.activateRun(r.id());
          }
        });
    closeRun.setOnAction(
        e -> {
          Timeline.RunInfo r = runList.getValue();
          if (r != null) {
            service
                .closeRun(r.id())
                .thenAccept(
                    why ->
                        javafx.application.Platform.runLater(
                            () ->
                                say.accept(
                                    why == null
                                        ? "Closed " + r.label()
                                        : "Cannot close " + r.label() + ": " + why)));
          }
        });
    HBox.setHgrow(slider, Priority.ALWAYS);
    slider.setMaxWidth(Double.MAX_VALUE);
    Label title = new Label("Timeline");
    title.getStyleClass().add("hint");
    bar = new HBox(8, title, slider, tick, live, resume, branch, runList, closeRun);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(3, 8, 3, 8));
    bar.setId("timelineBar");
    bar.getStyleClass().add("timeline-bar");
    show(Timeline.NONE);
  }

  Node node() {
    return bar;
  }

  /** Shows the tick the slider points at (the run pauses). */
  private void ask(int t) {
    if (t == asked || (t == shown.shown() && asked < 0)) {
      return;
    }
    asked = t;
    service.preview(t);
  }

  /** Once per pulse: what the engine last published. */
  void pulse() {
    Timeline t = service.timeline();
    if (!Objects.equals(t, shown)) {
      show(t);
    }
  }

  private void show(Timeline t) {
    shown = t;
    updating = true;
    try {
      boolean any = !t.runs().isEmpty();
      slider.setDisable(!any);
      slider.setMin(t.earliest());
      slider.setMax(Math.max(t.earliest() + 1, t.live()));
      if (!slider.isValueChanging()
          && settle.getStatus() != javafx.animation.Animation.Status.RUNNING) {
        if (asked < 0 || asked == t.shown() || !t.previewing()) {
          slider.setValue(t.shown());
          asked = -1;
        }
      }
      tick.setText(
          !any
              ? "tick -"
              : t.previewing() ? "tick " + t.shown() + " of " + t.live() : "tick " + t.live());
      live.setDisable(!t.previewing());
      resume.setDisable(!t.previewing());
      branch.setDisable(!t.previewing());
      java.util.List<String> names = t.runs().stream().map(r -> r.id() + " " + r.label()).toList();
      if (!names.equals(runNames)) { // not every tick: a run's tick is not in the list
        runNames = names;
        runList.getItems().setAll(t.runs());
      }
      for (Timeline.RunInfo r : runList.getItems()) {
        if (r.id() == t.active() && runList.getValue() != r) {
          runList.setValue(r);
        }
      }
      runList.setDisable(t.runs().size() < 2);
      closeRun.setDisable(t.runs().size() < 2);
    } finally {
      updating = false;
    }
  }

  /** The timeline as last shown (for tests). */
  Timeline shown() {
    return shown;
  }

  Slider slider() {
    return slider;
  }
}
