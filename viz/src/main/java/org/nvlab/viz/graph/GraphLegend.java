package org.nvlab.viz.graph;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.Palette;

/**
 * The line under the graph that says what the colours mean: each vesicle type's colour with its
 * population (and how many are drawn, when fewer), the docked ring, edges left undrawn, and the key
 * of the node colours' scale with its ends (activation, spike rate, density rho, or the kernel
 * preview's values). A narrow view keeps a shorter key with its numbers only.
 *
 * <p>Drawn only when something it shows changed ({@link #markDirty}), on the FX thread.
 */
final class GraphLegend {
  static final double HEIGHT = 26;

  private static final Font FONT = Font.font(12);

  private final Canvas canvas = new Canvas();
  private final Text measure = new Text();
  private boolean dirty = true;

  GraphLegend() {
    canvas.setMouseTransparent(true);
    canvas.setManaged(false);
    measure.setFont(FONT);
  }

  Canvas canvas() {
    return canvas;
  }

  void markDirty() {
    dirty = true;
  }

  boolean dirty() {
    return dirty;
  }

  /** Gives the legend the view's width (and redraws it when that changed). */
  void resize(double w) {
    if (canvas.getWidth() != w) {
      canvas.setWidth(w);
      canvas.setHeight(HEIGHT);
      dirty = true;
    }
  }

  /**
   * Draws the legend of snapshot {@code s} over the network drawn (blank without either).
   *
   * @param previewLabel what the kernel preview's node colours show, or null when none is shown
   */
  void draw(Snapshot s, NetworkLayer network, String previewLabel) {
    dirty = false;
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    gc.setFill(Palette.BACKGROUND);
    gc.fillRect(0, 0, w, h);
    GraphStreamLayers layers = network.layers();
    if (s == null || layers == null) {
      return;
    }
    double y = h / 2;
    gc.setFont(FONT);
    gc.setTextBaseline(VPos.CENTER);
    gc.setTextAlign(TextAlignment.LEFT);
    double x = 12;
    for (int k = 0; k < s.typeCount(); k++) {
      gc.setFill(Palette.type(k));
      gc.fillOval(x, y - 4, 8, 8);
      gc.setFill(Palette.TEXT);
      String label = s.typeNames().get(k) + "  " + s.population(k);
      if (s.vesicleCount(k) < s.population(k)) {
        label += String.format(Locale.ROOT, " (%,d drawn)", s.vesicleCount(k));
      }
      gc.fillText(label, x + 13, y);
      x += 13 + textWidth(label) + 18;
    }
    gc.setStroke(Palette.TEXT_DIM);
    gc.setLineWidth(1.2);
    gc.strokeOval(x, y - 4, 8, 8);
    gc.setFill(Palette.TEXT_DIM);
    gc.fillText("docked", x + 13, y);
    x += 13 + textWidth("docked") + 18;
    if (layers.drawnEdges() == 0 && s.graph().edgeCount() > GraphStreamLayers.EDGE_LIMIT) {
      String note = String.format(Locale.ROOT, "%,d edges not drawn", s.graph().edgeCount());
      gc.fillText(note, x, y);
      x += textWidth(note) + 18;
    }
    NodeColours colours = network.colours();
    boolean heat = layers.heat();
    double barW = 110;
    String high;
    String low;
    Stop[] stops;
    if (previewLabel != null) {
      high = String.format(Locale.ROOT, "%.3g", colours.previewPeak());
      low = previewLabel + "   0";
      stops = heatStops();
    } else if (heat) {
      high = String.format(Locale.ROOT, "%.3g", colours.densityPeak());
      low = "\u03c1 " + s.typeNames().get(Math.max(0, s.densityType())) + "   0";
      stops = heatStops();
    } else {
      high = String.format(Locale.ROOT, "+%.2g", colours.activationPeak());
      low =
          (s.spiking() ? "rate (yellow: spiked)   " : "activation   ")
              + String.format(Locale.ROOT, "-%.2g", colours.activationPeak());
      stops =
          new Stop[] {
            new Stop(0, Palette.diverging(-1)),
            new Stop(0.5, Palette.diverging(0)),
            new Stop(1, Palette.diverging(1))
          };
    }
    double bx = w - barW - textWidth(high) - 18;
    if (bx - textWidth(low) <= x + 20) {
      // A narrow view: a shorter bar and only its numbers (the scale's name is in the tooltip
      // of the Density toggle and in the user guide), rather than no key at all.
      barW = 56;
      low =
          previewLabel != null || heat
              ? "0"
              : String.format(Locale.ROOT, "-%.2g", colours.activationPeak());
      bx = w - barW - textWidth(high) - 18;
    }
    if (bx - textWidth(low) > x + 20) {
      gc.setFill(new LinearGradient(bx, 0, bx + barW, 0, false, CycleMethod.NO_CYCLE, stops));
      gc.fillRect(bx, y - 4, barW, 8);
      gc.setFill(Palette.TEXT_DIM);
      gc.setTextAlign(TextAlignment.RIGHT);
      gc.fillText(low, bx - 5, y);
      gc.setTextAlign(TextAlignment.LEFT);
      gc.fillText(high, bx + barW + 5, y);
    }
  }

  private static Stop[] heatStops() {
    String[] c = {"#000004", "#3b0f70", "#8c2981", "#de4968", "#fe9f6d", "#fcfdbf"};
    Stop[] s = new Stop[c.length];
    for (int i = 0; i < c.length; i++) {
      s[i] = new Stop(i / (double) (c.length - 1), Color.web(c[i]));
    }
    return s;
  }

  private double textWidth(String text) {
    measure.setText(text);
    return measure.getLayoutBounds().getWidth();
  }
}
