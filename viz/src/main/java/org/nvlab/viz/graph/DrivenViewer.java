package org.nvlab.viz.graph;

import javafx.animation.Timeline;
import org.graphstream.graph.Graph;
import org.graphstream.stream.ProxyPipe;
import org.graphstream.stream.Source;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicGraph;

/**
 * A GraphStream JavaFX viewer that redraws when its owner asks ({@link #pump}), once per frame of
 * the graph view, instead of on its own 40 ms timer.
 *
 * <p>{@link FxViewer}'s own {@code init} starts that timer from a new thread; a timer we do not
 * drive would also redraw the graph outside the frame we measure, and outlive a view that is not
 * closed. This viewer starts neither: it owns no thread, and {@link #close} (FX thread) releases
 * its views. The graph lives on the FX thread (GRAPH_IN_GUI_THREAD): only the FX thread touches it.
 */
final class DrivenViewer extends FxViewer {

  DrivenViewer(Graph graph) {
    super(graph, ThreadingModel.GRAPH_IN_GUI_THREAD);
  }

  /** As {@link FxViewer#init}, without starting the timer or its thread. */
  @Override
  public void init(GraphicGraph graph, ProxyPipe ppipe, Source source) {
    this.graph = graph;
    this.pumpPipe = ppipe;
    this.sourceInSameThread = source;
    this.timeline = new Timeline(); // never played; FxViewer.close() stops it
    if (ppipe != null) {
      ppipe.addSink(graph);
    }
    if (source != null) {
      if (source instanceof Graph g) {
        replayGraph(g);
      }
      source.addSink(graph);
    }
  }

  /** Redraws the views if the graph or a camera changed since the last call (FX thread). */
  void pump() {
    actionPerformed();
  }
}
