package org.nvlab.viz.graph;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.nvlab.core.snapshot.Snapshot;

/**
 * Draws the vesicle layer of a frame on a thread of its own, so the JavaFX thread only hands over
 * what to draw and copies the finished pixels into the image it shows.
 *
 * <p>Drawing 100,000 antialiased vesicles costs several milliseconds, more than a frame can give on
 * the JavaFX thread (which also lays out, handles input and redraws the graph). Here the FX thread
 * {@link #submit}s a {@link Job} (immutable or copied data only: the snapshot, node positions, the
 * moment of the glide, the flashes); the drawing thread places and draws the vesicles into its own
 * {@link VesicleRaster}; and at a later pulse the FX thread {@link #take}s the finished frame,
 * copying the changed rows into the displayed raster. One job at a time: a frame is shown one pulse
 * after it was asked for, and when drawing takes longer than a pulse the view shows fewer, never
 * older, frames.
 *
 * <p>Two {@link VesicleLayer}s take turns: the drawing thread fills one while the FX thread reads
 * the positions of the one on screen (for clicks and tests). The back raster is touched by the FX
 * thread only between the end of one job and the start of the next.
 */
final class VesicleRenderer implements AutoCloseable {

  /** A docking flash to draw: the snapshot whose dockings flash, and its age 0..1. */
  record Flash(Snapshot snapshot, double age) {}

  /**
   * Everything one frame of the vesicle layer needs (FX thread to drawing thread).
   *
   * @param snapshot the vesicles
   * @param nodeX pixel x per node (a copy)
   * @param nodeY pixel y per node (a copy)
   * @param progress how far along their moves the vesicles are, 0..1
   * @param spread pixels vesicles scatter around their paths
   * @param rMin radius of an empty payload
   * @param rMax radius of a payload of length normScale or more
   * @param normScale payload length drawn at rMax
   * @param halo whether discs get a dark rim
   * @param flashes docking flashes, newest first
   * @param flashRadius ring radius of a new flash
   * @param flashLimit the most flash rings drawn
   * @param selectedType type of the selected vesicle, or -1
   * @param selectedId id of the selected vesicle
   * @param path nodes the selected vesicle has visited, oldest first (drawn as a line under the
   *     vesicles, ending where it is drawn now), or an empty array
   * @param width image width
   * @param height image height
   */
  record Job(
      Snapshot snapshot,
      double[] nodeX,
      double[] nodeY,
      double progress,
      double spread,
      double rMin,
      double rMax,
      double normScale,
      boolean halo,
      List<Flash> flashes,
      double flashRadius,
      int flashLimit,
      int selectedType,
      long selectedId,
      int[] path,
      int width,
      int height) {}

  /** The most hops of a path drawn (the newest). */
  static final int PATH_HOPS = 300;

  /** Half the width of a path's line, in pixels. */
  static final double PATH_RADIUS = 1.25;

  /** A job and the layer it fills (never the one on screen). */
  private record Work(Job job, VesicleLayer layer) {}

  /** A finished frame: the layer with its positions, and how long drawing took (ns). */
  record Done(VesicleLayer layer, long drawNanos, int width, int height) {}

  private final int[] typeRgb;
  private final int haloRgb;
  private final int selectionRgb;
  private final VesicleLayer[] layers = {new VesicleLayer(), new VesicleLayer()};
  private final BlockingQueue<Work> jobs = new ArrayBlockingQueue<>(1);
  private final AtomicReference<Done> done = new AtomicReference<>();
  private final Thread thread;
  private VesicleRaster back = new VesicleRaster(1, 1);
  private VesicleLayer shown; // FX thread: the layer of the frame on screen
  private int[] lastCopied = {0, 0, 0, 0}; // FX thread
  private boolean busy; // FX thread: a job was submitted and not taken yet
  private volatile boolean closed;

  private final int pathRgb;

  VesicleRenderer(int[] typeRgb, int haloRgb, int selectionRgb) {
    this(typeRgb, haloRgb, selectionRgb, selectionRgb);
  }

  VesicleRenderer(int[] typeRgb, int haloRgb, int selectionRgb, int pathRgb) {
    this.pathRgb = pathRgb;
    this.typeRgb = typeRgb.clone();
    this.haloRgb = haloRgb;
    this.selectionRgb = selectionRgb;
    thread = new Thread(this::loop, "nvlab-vesicle-raster");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts drawing a frame unless one is still being drawn or not yet taken (FX thread). */
  boolean submit(Job job) {
    if (busy || closed) {
      return false;
    }
    busy = true;
    jobs.add(new Work(job, layers[0] == shown ? layers[1] : layers[0]));
    return true;
  }

  /** True while a submitted frame has not been taken yet (FX thread). */
  boolean busy() {
    return busy;
  }

  /**
   * Takes the finished frame, if there is one, copying what changed into {@code display} (which
   * must have the size the frame was drawn at; a frame of another size is dropped). FX thread.
   *
   * @return the finished frame, or null when none is ready (or it was dropped)
   */
  Done take(VesicleRaster display) {
    Done d = done.getAndSet(null);
    if (d == null) {
      return null;
    }
    busy = false;
    if (display.width() != d.width() || display.height() != d.height()) {
      return null;
    }
    lastCopied = back.copyInto(display);
    shown = d.layer();
    return d;
  }

  /** True when a finished frame waits to be taken (FX thread). */
  boolean ready() {
    return done.get() != null;
  }

  /** The box {x0, y0, x1, y1} the last {@link #take} changed in the display (FX thread). */
  int[] lastCopied() {
    return lastCopied;
  }

  /** The layer of the frame on screen (its vesicle positions), or null before the first (FX). */
  VesicleLayer shown() {
    return shown;
  }

  private void loop() {
    try {
      while (!closed) {
        Work w = jobs.take();
        long t0 = System.nanoTime();
        draw(w.job(), w.layer());
        done.set(new Done(w.layer(), System.nanoTime() - t0, w.job().width(), w.job().height()));
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** Drawing thread: places and draws one frame into the back raster. */
  private void draw(Job j, VesicleLayer layer) {
    if (back.width() != j.width() || back.height() != j.height()) {
      back = new VesicleRaster(j.width(), j.height());
    }
    back.clear();
    Snapshot s = j.snapshot();
    if (s == null) {
      layer.forget();
      return;
    }
    layer.place(
        s, j.nodeX(), j.nodeY(), j.progress(), j.spread(), j.rMin(), j.rMax(), j.normScale());
    int q = j.selectedType() >= 0 ? layer.indexOf(j.selectedType(), j.selectedId()) : -1;
    drawPath(j, layer, q);
    layer.draw(back, typeRgb, j.halo(), haloRgb);
    int budget = j.flashLimit();
    for (Flash f : j.flashes()) {
      if (budget <= 0) {
        break;
      }
      budget -=
          layer.flashes(
              back, f.snapshot(), j.nodeX(), j.nodeY(), f.age(), j.flashRadius(), typeRgb, budget);
    }
    if (j.selectedType() >= 0) {
      if (q >= 0) {
        back.ring(
            layer.x(j.selectedType(), q),
            layer.y(j.selectedType(), q),
            layer.radius(j.selectedType(), q) + 3.5,
            selectionRgb,
            255);
      }
    }
  }

  /**
   * The selected vesicle's path: a thin line through the nodes it visited (its newest {@link
   * #PATH_HOPS} hops), from its last node on to where it is drawn now.
   */
  private void drawPath(Job j, VesicleLayer layer, int q) {
    int[] path = j.path();
    if (path.length == 0) {
      return;
    }
    double[] x = j.nodeX();
    double[] y = j.nodeY();
    int from = Math.max(0, path.length - 1 - PATH_HOPS);
    for (int i = from; i + 1 < path.length; i++) {
      int a = path[i];
      int b = path[i + 1];
      if (a != b && a >= 0 && b >= 0 && a < x.length && b < x.length) {
        back.line(x[a], y[a], x[b], y[b], PATH_RADIUS, pathRgb);
      }
    }
    int last = path[path.length - 1];
    if (q >= 0 && last >= 0 && last < x.length) {
      back.line(
          x[last],
          y[last],
          layer.x(j.selectedType(), q),
          layer.y(j.selectedType(), q),
          PATH_RADIUS,
          pathRgb);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
