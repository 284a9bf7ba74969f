package org.nvlab.viz.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.snapshot.Spikes;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * The run's charts, one per tab: population per type, births and deaths by cause, dockings and
 * releases per type, modulation statistics, and the task's loss and reward when the project has a
 * task, and the spike raster of a LIF host. Each chart tab exports its chart as a PNG and the data
 * behind it as CSV. Fed with every tick's metrics ({@link #accept}), FX thread only; a chart a
 * project has nothing for is disabled.
 */
public final class ChartsPanel extends BorderPane {
  private final TabPane tabs = new TabPane();
  private final List<MetricsChart> charts;
  private final SpikeRasterChart raster = new SpikeRasterChart();
  private final Tab spikesTab = new Tab("Spikes", raster);
  private final Label status = new Label();
  private java.util.function.Consumer<Task<?>> taskRunner =
      t -> {
        Thread th = new Thread(t, "nvlab-chart-export");
        th.setDaemon(true);
        th.start();
      };

  public ChartsPanel() {
    List<String> labels = new ArrayList<>(List.of(Metric.BIRTHS.id()));
    List<Predicate<SeriesName>> tests = new ArrayList<>(List.of(s -> s.metric() == Metric.BIRTHS));
    for (DeathCause c : DeathCause.ALL) {
      labels.add("deaths: " + c.label());
      tests.add(s -> s.cause() == c);
    }
    charts =
        List.of(
            new MetricsChart(
                "Population by type", "vesicles", MetricsChart.perType(Metric.POPULATION)),
            new MetricsChart(
                "Births and deaths by cause (all types)",
                "per tick",
                MetricsChart.sums(labels, tests)),
            new MetricsChart("Dockings by type", "per tick", MetricsChart.perType(Metric.DOCKINGS)),
            new MetricsChart(
                "Modulation",
                "mean over nodes",
                MetricsChart.series(
                    Metric.MEAN_ACTIVATION,
                    Metric.MEAN_ABS_GAMMA,
                    Metric.MEAN_ABS_BETA,
                    Metric.MEAN_GATE,
                    Metric.MEAN_MEMORY_NORM,
                    Metric.SPIKE_RATE)),
            new MetricsChart("Task", "value", MetricsChart.series(Metric.LOSS, Metric.REWARD)));
    String[] tabNames = {"Population", "Births/deaths", "Docking", "Modulation", "Task"};
    String[] ids = {"population", "births", "docking", "modulation", "task"};
    for (int i = 0; i < charts.size(); i++) {
      MetricsChart chart = charts.get(i);
      chart.setId(ids[i] + "Chart");
      Tab tab = new Tab(tabNames[i], chart);
      tab.setId(ids[i] + "Tab");
      tab.setClosable(false);
      tabs.getTabs().add(tab);
    }
    raster.setId("spikesChart");
    spikesTab.setId("spikesTab");
    spikesTab.setClosable(false);
    spikesTab.setDisable(true);
    tabs.getTabs().add(spikesTab);
    tabs.setId("chartTabs");
    setCenter(tabs);
    setBottom(exportBar());
    setMinSize(0, 0);
    getStyleClass().add("charts-panel");
  }

  private HBox exportBar() {
    Button png = new Button("PNG...");
    png.setId("exportPngButton");
    png.setTooltip(new Tooltip("Save this chart as a picture"));
    png.setOnAction(e -> export(true));
    Button csv = new Button("CSV...");
    csv.setId("exportCsvButton");
    csv.setTooltip(new Tooltip("Save the data behind this chart, every tick"));
    csv.setOnAction(e -> export(false));
    status.setId("chartsStatus");
    status.getStyleClass().add("hint");
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    HBox bar = new HBox(6, status, png, csv);
    bar.setAlignment(Pos.CENTER_RIGHT);
    bar.setPadding(new Insets(4, 6, 4, 6));
    return bar;
  }

  /** Adds a run's new rows to every chart. */
  public void accept(MetricRows rows) {
    for (int i = 0; i < charts.size(); i++) {
      MetricsChart c = charts.get(i);
      c.accept(rows);
      tabs.getTabs().get(i).setDisable(c.isEmpty());
    }
  }

  /** Stops drawing a closed run in every chart. */
  public void closeRun(long run) {
    charts.forEach(c -> c.closeRun(run));
  }

  /** The spike raster of the run shown (null: a rate host, and the Spikes tab is off). */
  public void showSpikes(Spikes s) {
    raster.show(s);
    spikesTab.setDisable(s == null);
  }

  public SpikeRasterChart raster() {
    return raster;
  }

  public void clear() {
    charts.forEach(MetricsChart::clear);
    showSpikes(null);
  }

  /** The chart in the selected tab. */
  public MetricsChart selected() {
    int i = tabs.getSelectionModel().getSelectedIndex();
    return charts.get(i < 0 || i >= charts.size() ? 0 : i); // the raster tab exports nothing
  }

  public List<MetricsChart> charts() {
    return charts;
  }

  public TabPane tabs() {
    return tabs;
  }

  private void export(boolean picture) {
    MetricsChart c = selected();
    FileChooser chooser = new FileChooser();
    chooser.setTitle(picture ? "Save chart as PNG" : "Save chart data as CSV");
    String base = c.getId().replace("Chart", "");
    chooser.setInitialFileName(base + (picture ? ".png" : ".csv"));
    java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (f != null) {
      export(c, f.toPath(), picture);
    }
  }

  /**
   * Writes the chart (PNG, 1200 x 800) or its data (CSV) in the background: what is written is
   * copied now, the file is written by a {@link Task} (progress, cancel) handed to the task runner,
   * and the outcome is said in one line under the chart. A cancelled or failed export leaves the
   * file that was there.
   *
   * @return the task (already handed to the runner)
   */
  public Task<Void> export(MetricsChart c, Path file, boolean picture) {
    MetricsChart.Export export = picture ? c.pngWriter(1200, 800) : c.csvWriter();
    Task<Void> task =
        new Task<>() {
          @Override
          protected Void call() throws Exception {
            updateProgress(-1, 1);
            export.write(file, (done, total) -> updateProgress(done, total));
            return null;
          }
        };
    status.setText("Saving " + file.getFileName() + "...");
    task.setOnSucceeded(e -> status.setText("Saved " + file.getFileName()));
    task.setOnCancelled(e -> status.setText("Not saved: cancelled"));
    task.setOnFailed(
        e -> {
          Throwable t = task.getException();
          status.setText("Not saved: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        });
    taskRunner.accept(task);
    return task;
  }

  /**
   * Who runs export tasks (the window: its I/O thread, with the status bar's progress and Cancel).
   * By default a new background thread.
   */
  public void setTaskRunner(java.util.function.Consumer<Task<?>> runner) {
    taskRunner = java.util.Objects.requireNonNull(runner);
  }

  public void dispose() {
    charts.forEach(MetricsChart::dispose);
    raster.dispose();
  }
}
