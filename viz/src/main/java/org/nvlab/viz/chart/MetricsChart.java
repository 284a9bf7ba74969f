package org.nvlab.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
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
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;
import org.nvlab.viz.Palette;

/**
 * A live chart of a run's metrics (JFreeChart in a {@link ChartViewer}): every tick arrives (as
 * {@link MetricRows}), whatever is drawn; each line is one metric series or the sum of several
 * (births of all types, say), chosen by a {@link #lines} rule from the run's series names.
 *
 * <p>All values are kept at full resolution for {@link #exportCsv} (the data behind the chart);
 * what is drawn is decimated to at most {@link #MAX_POINTS} points per line ({@link
 * SeriesDecimator}) and repainted at most every {@link #REPAINT_MILLIS} ms, so a long run draws as
 * fast as a short one.
 *
 * <p>A chart holds runs: rows of a new run with no parent (another project, a reset) start the
 * chart again; rows of a branch (a run whose parent the chart holds) are drawn over the runs it
 * has, dashed and labelled with the branch's name, until the branch or the original is closed
 * ({@link #closeRun}). Exports and the counts below are of the newest run.
 */
public final class MetricsChart extends StackPane {
  public static final int MAX_POINTS = 2000;
  public static final int REPAINT_MILLIS = 100;

  /**
   * One line: its label and the metric series whose values it sums (a series missing from a run
   * counts as absent; a line none of whose series exist is not drawn).
   */
  public record Line(String label, List<String> series) {}

  private final String title;
  private final Function<List<String>, List<Line>> lines;
  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final JFreeChart chart;
  private final List<ChartRun> runs = new ArrayList<>();
  private final PauseTransition repaint = new PauseTransition(Duration.millis(REPAINT_MILLIS));
  private boolean dirty;

  /**
   * @param title shown above the chart
   * @param yLabel the value axis
   * @param lines which lines to draw for a run with these series names
   */
  public MetricsChart(String title, String yLabel, Function<List<String>, List<Line>> lines) {
    this.title = title;
    this.lines = lines;
    getStyleClass().add("metrics-chart");
    chart =
        ChartFactory.createXYLineChart(
            null, "tick", yLabel, dataset, PlotOrientation.VERTICAL, true, false, false);
    style(chart, title);
    ChartViewer viewer = new ChartViewer(chart);
    viewer.setMinSize(0, 0);
    getChildren().add(viewer);
    setMinSize(0, 0);
    repaint.setOnFinished(e -> flush());
  }

  /** Lines, one per vesicle type the run records {@code metric} for, labelled by the type. */
  public static Function<List<String>, List<Line>> perType(Metric metric) {
    return names -> {
      List<Line> out = new ArrayList<>();
      for (String n : names) {
        SeriesName s = SeriesName.parse(n);
        if (s != null && s.metric() == metric) {
          out.add(new Line(s.type(), List.of(n)));
        }
      }
      return out;
    };
  }

  /** One line per listed metric over nodes that the run has, labelled by its series name. */
  public static Function<List<String>, List<Line>> series(Metric... wanted) {
    return names -> {
      List<Line> out = new ArrayList<>();
      for (Metric w : wanted) {
        String n = SeriesName.of(w).text();
        if (names.contains(n)) {
          out.add(new Line(n, List.of(n)));
        }
      }
      return out;
    };
  }

  /**
   * One line per label, each the sum over vesicle types of the series its test accepts (a label
   * with no such series is left out).
   */
  public static Function<List<String>, List<Line>> sums(
      List<String> labels, List<Predicate<SeriesName>> tests) {
    return names -> {
      List<Line> out = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        List<String> src = new ArrayList<>();
        for (String n : names) {
          SeriesName s = SeriesName.parse(n);
          if (s != null && tests.get(i).test(s)) {
            src.add(n);
          }
        }
        if (!src.isEmpty()) {
          out.add(new Line(labels.get(i), src));
        }
      }
      return out;
    };
  }

  private static void style(JFreeChart chart, String title) {
    Color bg = Palette.awt(Palette.BACKGROUND);
    Color text = Palette.awt(Palette.TEXT);
    Color dim = Palette.awt(Palette.TEXT_DIM);
    chart.setBackgroundPaint(bg);
    chart.setTitle(new TextTitle(title, new java.awt.Font("SansSerif", 0, 13)));
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
    }
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setAutoPopulateSeriesPaint(false);
    r.setAutoPopulateSeriesStroke(false);
    r.setDefaultStroke(new BasicStroke(1.6f));
    plot.setRenderer(r);
  }

  /** Adds a run's new rows (FX thread). */
  public void accept(MetricRows r) {
    ChartRun run = find(r.run());
    if (run == null || !run.names.equals(r.names())) {
      if (run != null) {
        runs.remove(run);
      } else if (r.parent() < 0 || find(r.parent()) == null) {
        runs.clear(); // a run of its own: what was drawn belonged to another
      }
      runs.add(new ChartRun(r.run(), r.parent(), r.label(), r.names(), lines));
      rebuild();
    }
    find(r.run()).add(r);
    dirty = true;
    if (repaint.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      repaint.playFromStart();
    }
  }

  private ChartRun find(long id) {
    for (ChartRun c : runs) {
      if (c.id == id) {
        return c;
      }
    }
    return null;
  }

  /** The newest run, or null. */
  private ChartRun current() {
    return runs.isEmpty() ? null : runs.get(runs.size() - 1);
  }

  /** Stops drawing a run (closed by the user); false when the chart does not hold it. */
  public boolean closeRun(long id) {
    ChartRun c = find(id);
    if (c == null) {
      return false;
    }
    runs.remove(c);
    rebuild();
    dirty = true;
    flush();
    return true;
  }

  /** One dataset series per run and line: the first run solid, the others dashed. */
  private void rebuild() {
    chart.setNotify(false);
    dataset.removeAllSeries();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    int s = 0;
    for (int k = 0; k < runs.size(); k++) {
      ChartRun c = runs.get(k);
      for (int l = 0; l < c.shown.size(); l++, s++) {
        String label = c.shown.get(l).label();
        dataset.addSeries(new XYSeries(k == 0 ? label : label + " \u00b7 " + c.label, false, true));
        r.setSeriesPaint(s, Palette.awtType(l));
        r.setSeriesStroke(s, k == 0 ? SOLID : DASHED);
      }
    }
    chart.setNotify(true);
  }

  private static final BasicStroke SOLID = new BasicStroke(1.6f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  /** Empties the chart (no project open). */
  public void clear() {
    runs.clear();
    rebuild();
    dirty = true;
    flush();
  }

  private void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    chart.setNotify(false);
    int s = 0;
    for (ChartRun c : runs) {
      for (SeriesDecimator d : c.decimators) {
        XYSeries series = dataset.getSeries(s++);
        series.setNotify(false);
        series.clear();
        for (int i = 0; i < d.size(); i++) {
          series.add(d.x(i), d.y(i), false);
        }
        series.setNotify(true);
      }
    }
    chart.setNotify(true);
  }

  /** The runs drawn, oldest first, as (id, label). */
  public List<String> runLabels() {
    List<String> out = new ArrayList<>();
    for (ChartRun c : runs) {
      out.add(c.label);
    }
    return out;
  }

  /** Every line drawn, over all runs, as the legend names them. */
  public List<String> seriesLabels() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      out.add(String.valueOf(dataset.getSeriesKey(i)));
    }
    return out;
  }

  /** The last tick the run {@code id} has, or -1. */
  public int lastTick(long id) {
    ChartRun c = find(id);
    return c == null ? -1 : c.lastTick();
  }

  /** True when the newest run has none of the chart's series (a task chart without a task). */
  public boolean isEmpty() {
    ChartRun c = current();
    return c == null || c.shown.isEmpty();
  }

  public String title() {
    return title;
  }

  /** The labels of the lines drawn for the newest run. */
  public List<String> lineLabels() {
    ChartRun c = current();
    return c == null ? List.of() : c.shown.stream().map(Line::label).toList();
  }

  /** Points drawn for line l of the newest run (at most MAX_POINTS, however long the run). */
  public int pointCount(int line) {
    ChartRun c = current();
    if (c == null || line >= c.shown.size()) {
      return 0;
    }
    int first = dataset.getSeriesCount() - c.shown.size();
    return dataset.getSeries(first + line).getItemCount();
  }

  /** Ticks received for the newest run (every one, not the decimated drawing). */
  public int rowCount() {
    ChartRun c = current();
    return c == null ? 0 : c.rows;
  }

  /** Writes an export into a file, on any thread; reports progress, stops when interrupted. */
  public interface Export {
    /**
     * Writes to a temporary file beside {@code file} and moves it over {@code file} at the end, so
     * a failed or cancelled export leaves what was there.
     *
     * @param progress called with (done, total), may be null
     * @throws InterruptedException when the thread was interrupted (the export was cancelled)
     */
    void write(Path file, java.util.function.BiConsumer<Long, Long> progress)
        throws IOException, InterruptedException;
  }

  /**
   * The chart's data as it is now, copied (FX thread, a memory copy), ready to be written as CSV on
   * another thread while the run goes on.
   */
  public Export csvWriter() {
    ChartRun c = current();
    List<String> labels = new ArrayList<>();
    int n = c == null ? 0 : c.rows;
    int[] t = c == null ? new int[0] : Arrays.copyOf(c.ticks, n);
    float[][] v = new float[c == null ? 0 : c.values.length][];
    if (c != null) {
      for (Line l : c.shown) {
        labels.add(l.label());
      }
      for (int l = 0; l < c.values.length; l++) {
        v[l] = Arrays.copyOf(c.values[l], n);
      }
    }
    return (file, progress) ->
        atomically(
            file,
            tmp -> {
              try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("tick");
                for (String label : labels) {
                  w.write(',');
                  w.write(csv(label));
                }
                w.write('\n');
                StringBuilder b = new StringBuilder(64);
                for (int row = 0; row < n; row++) {
                  if ((row & 0x3fff) == 0) {
                    if (Thread.interrupted()) { // cleared, as InterruptedException says
                      throw new InterruptedException("export cancelled");
                    }
                    if (progress != null) {
                      progress.accept((long) row, (long) n);
                    }
                  }
                  b.setLength(0);
                  b.append(t[row]);
                  for (float[] line : v) {
                    b.append(',');
                    if (!Float.isNaN(line[row])) {
                      b.append(line[row]);
                    }
                  }
                  b.append('\n');
                  w.append(b);
                }
              }
            });
  }

  /**
   * The chart as drawn now, copied (FX thread; the copy holds the decimated lines, at most {@link
   * #MAX_POINTS} points each), ready to be rendered as a PNG on another thread.
   */
  public Export pngWriter(int width, int height) {
    flush();
    JFreeChart copy;
    try {
      copy = (JFreeChart) chart.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("JFreeChart could not copy the chart: " + e, e);
    }
    return (file, progress) ->
        atomically(file, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), copy, width, height));
  }

  private interface FileWriting {
    void write(Path tmp) throws IOException, InterruptedException;
  }

  private static void atomically(Path file, FileWriting writing)
      throws IOException, InterruptedException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
    try {
      writing.write(tmp);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** Stops the pending repaint. */
  public void dispose() {
    repaint.stop();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s (%d runs, %d lines, %d ticks)",
        title,
        runs.size(),
        lineLabels().size(),
        rowCount());
  }
}
