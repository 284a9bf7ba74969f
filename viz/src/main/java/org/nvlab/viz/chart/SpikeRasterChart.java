package org.nvlab.viz.chart;

import javafx.animation.PauseTransition;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.nvlab.core.snapshot.Spikes;
import org.nvlab.viz.Palette;

/**
 * The spike raster of a LIF host: a dot for every (tick, node) where the node spiked, the newest
 * ticks on the right, nodes from top to bottom. It draws the {@link Spikes} it is handed, at most
 * every {@link MetricsChart#REPAINT_MILLIS} ms. On a rate host there is nothing to draw and it says
 * so. FX thread only.
 */
public final class SpikeRasterChart extends Pane {
  private static final double LEFT = 46;
  private static final double BOTTOM = 22;
  private static final double TOP = 24;

  private final Canvas canvas = new Canvas();
  private final PauseTransition repaint =
      new PauseTransition(Duration.millis(MetricsChart.REPAINT_MILLIS));
  private Spikes spikes;
  private boolean dirty = true;

  public SpikeRasterChart() {
    getChildren().add(canvas);
    setMinSize(0, 0);
    widthProperty().addListener(o -> redraw());
    heightProperty().addListener(o -> redraw());
    repaint.setOnFinished(e -> draw());
  }

  /** The raster to draw (null: the host does not spike). */
  public void show(Spikes s) {
    if (s == spikes) {
      return;
    }
    spikes = s;
    redraw();
  }

  /** True when there is a raster (a LIF host). */
  public boolean hasSpikes() {
    return spikes != null;
  }

  /** The spikes drawn (for tests). */
  public Spikes spikes() {
    return spikes;
  }

  private void redraw() {
    dirty = true;
    if (repaint.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      repaint.playFromStart();
    }
  }

  private void draw() {
    if (!dirty) {
      return;
    }
    dirty = false;
    double w = Math.max(1, getWidth());
    double h = Math.max(1, getHeight());
    canvas.setWidth(w);
    canvas.setHeight(h);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Palette.BACKGROUND);
    g.fillRect(0, 0, w, h);
    g.setFont(Font.font(12));
    g.setFill(Palette.TEXT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText("Spikes (node by tick)", w / 2, 4);
    Spikes s = spikes;
    if (s == null) {
      g.setFill(Palette.TEXT_DIM);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("this project's host is a rate network: it has no spikes", w / 2, h / 2);
      return;
    }
    double pw = Math.max(1, w - LEFT - 8);
    double ph = Math.max(1, h - TOP - BOTTOM);
    g.setFill(Palette.PANEL);
    g.fillRect(LEFT, TOP, pw, ph);
    int span = Math.max(1, s.to() - s.from());
    int n = Math.max(1, s.nodeCount());
    double dx = pw / span;
    double dy = ph / n;
    double dotW = Math.max(1, Math.min(3, dx));
    double dotH = Math.max(1, Math.min(3, dy));
    g.setFill(Palette.type(0));
    for (int q = 0; q < s.count(); q++) {
      double x = LEFT + (s.tick(q) - s.from()) * dx;
      double y = TOP + s.node(q) * dy;
      g.fillRect(x, y, dotW, dotH);
    }
    g.setFill(Palette.TEXT_DIM);
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText("tick " + s.from(), LEFT, TOP + ph + 4);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(
        "tick " + (s.to() - 1) + " \u00b7 " + s.count() + " spikes", LEFT + pw, TOP + ph + 4);
    g.fillText("node 0", LEFT - 4, TOP);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(String.valueOf(n - 1), LEFT - 4, TOP + ph);
  }

  public void dispose() {
    repaint.stop();
  }
}
