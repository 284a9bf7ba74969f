package org.nvlab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.record.Snapshot;

/**
 * Live vesicles per type over ticks (JFreeChart in a {@link ChartViewer}).
 *
 * <p>It samples the snapshots it is shown, so at high speed it sees one tick per frame, and keeps
 * at most {@link #MAX_POINTS} points per series ({@link SeriesDecimator}), so a long run draws as
 * fast as a short one. The chart is repainted at most {@link #REPAINT_MILLIS} ms apart: drawing a
 * chart costs far more than adding a point. A snapshot of another run (a reset or another project
 * builds a new graph) or whose tick went back starts the chart again; the same tick twice (a run
 * that failed publishes its last tick again) does not.
 */
public final class PopulationChart extends StackPane {
  public static final int MAX_POINTS = 2000;
  public static final int REPAINT_MILLIS = 100;

  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private final List<SeriesDecimator> decimators = new ArrayList<>();
  private final PauseTransition repaint = new PauseTransition(Duration.millis(REPAINT_MILLIS));
  private List<String> names = List.of();
  private Graph graph;
  private int lastTick = -1;
  private boolean dirty;

  public PopulationChart() {
    getStyleClass().add("population-chart");
    chart =
        ChartFactory.createXYLineChart(
            null, "tick", "vesicles", dataset, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    viewer = new ChartViewer(chart);
    viewer.setMinSize(0, 0);
    getChildren().add(viewer);
    setMinSize(0, 0);
    repaint.setOnFinished(e -> flush());
  }

  private static void style(JFreeChart chart) {
    Color bg = Palette.awt(Palette.BACKGROUND);
    Color text = Palette.awt(Palette.TEXT);
    Color dim = Palette.awt(Palette.TEXT_DIM);
    chart.setBackgroundPaint(bg);
    chart.setTitle(new TextTitle("Population by type", new java.awt.Font("SansSerif", 0, 13)));
    chart.getTitle().setPaint(text);
    LegendTitle legend = chart.getLegend();
    legend.setBackgroundPaint(bg);
    legend.setItemPaint(text);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Palette.awt(Palette.PANEL));
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(new Color(255, 255, 255, 28));
    plot.setRangeGridlinePaint(new Color(255, 255, 255, 28));
    for (NumberAxis axis :
        new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
      axis.setLabelPaint(dim);
      axis.setTickLabelPaint(dim);
      axis.setAxisLinePaint(dim);
      axis.setTickMarkPaint(dim);
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setAutoPopulateSeriesPaint(false);
    r.setAutoPopulateSeriesStroke(false);
    r.setDefaultStroke(new BasicStroke(1.6f));
    plot.setRenderer(r);
  }

  /** Adds the snapshot's populations (FX thread). */
  public void accept(Snapshot s) {
    if (s.graph() != graph || !s.typeNames().equals(names) || s.tick() < lastTick) {
      restart(s.typeNames());
    }
    graph = s.graph();
    lastTick = s.tick();
    for (int k = 0; k < decimators.size(); k++) {
      decimators.get(k).add(s.tick(), s.population(k));
    }
    dirty = true;
    if (repaint.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      repaint.playFromStart();
    }
  }

  /** Empties the chart (no project open). */
  public void clear() {
    restart(List.of());
    graph = null;
    lastTick = -1;
    flush();
  }

  private void restart(List<String> typeNames) {
    names = List.copyOf(typeNames);
    decimators.clear();
    chart.setNotify(false);
    dataset.removeAllSeries();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    for (int k = 0; k < names.size(); k++) {
      decimators.add(new SeriesDecimator(MAX_POINTS));
      dataset.addSeries(new XYSeries(names.get(k), false, true));
      r.setSeriesPaint(k, Palette.awtType(k));
    }
    chart.setNotify(true);
    dirty = true;
  }

  /** Copies the decimated points into the chart's series and repaints once. */
  private void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    chart.setNotify(false);
    for (int k = 0; k < decimators.size(); k++) {
      SeriesDecimator d = decimators.get(k);
      XYSeries series = dataset.getSeries(k);
      series.setNotify(false);
      series.clear();
      for (int i = 0; i < d.size(); i++) {
        series.add(d.x(i), d.y(i), false);
      }
      series.setNotify(true);
    }
    chart.setNotify(true);
  }

  /** Points currently drawn for type k (for tests and the curious). */
  public int pointCount(int type) {
    return dataset.getSeries(type).getItemCount();
  }

  /** Stops the pending repaint. */
  public void dispose() {
    repaint.stop();
  }
}
