package org.nvlab.viz.graph;

import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.Palette;

/**
 * The image the vesicles are drawn into, over the network, and what the FX thread does for it each
 * frame: how far along their moves the vesicles are (each snapshot's moves glide over about the
 * time until the next), which dockings still flash, how large discs are drawn, and handing the
 * frame to the drawing thread ({@link VesicleRenderer}) and showing the frames it finished.
 *
 * <p>The FX thread only builds a {@link VesicleRenderer.Job} (copies and immutable data) and copies
 * the changed box of a finished frame into the image; placing and rasterising run on the drawing
 * thread. A frame is asked for while vesicles move or flash, and once more after; otherwise only
 * when something changed ({@link #markDirty}). FX thread only.
 */
final class VesicleImage {
  /** The longest a vesicle takes to glide to its new node (after a pause or a single step). */
  static final long MAX_GLIDE_NANOS = 500_000_000L;

  /** How long a docking flashes, and the most flash rings drawn in one frame. */
  static final long FLASH_NANOS = 400_000_000L;

  static final int FLASH_LIMIT = 600;

  /** Up to this many vesicles, discs have their full size; beyond, they shrink as 1/sqrt(n). */
  static final int CROWD = 20_000;

  /** The smallest that crowd scale gets (about 100,000 vesicles and more). */
  static final double MIN_CROWD_SCALE = 0.5;

  /** Up to this many vesicles each disc gets a dark rim; beyond, the rims only cost. */
  static final int HALO_LIMIT = 20_000;

  private static final int[] TYPE_RGB = new int[8];
  private static final int BACKGROUND_RGB = rgb(Palette.BACKGROUND);
  private static final int SELECTION_RGB = 0xffffff;
  private static final int PATH_RGB = 0xffffff;

  static {
    for (int k = 0; k < TYPE_RGB.length; k++) {
      TYPE_RGB[k] = rgb(Palette.type(k));
    }
  }

  /** A snapshot's dockings, flashing since {@code at} (nanoTime). */
  private record Flash(Snapshot snapshot, long at) {}

  private final ImageView view = new ImageView();
  private final VesicleRenderer renderer =
      new VesicleRenderer(TYPE_RGB, BACKGROUND_RGB, SELECTION_RGB, PATH_RGB);
  private final ArrayDeque<Flash> flashes = new ArrayDeque<>();
  private VesicleRaster raster;
  private PixelBuffer<IntBuffer> pixelBuffer;
  private long arrival;
  private long glide = 50_000_000L;
  private double normScale;
  private boolean dirty = true;
  private boolean wasMoving;
  private long lastRasterNanos;
  private long frames;

  VesicleImage() {
    view.setMouseTransparent(true);
    view.setManaged(false);
  }

  ImageView view() {
    return view;
  }

  /** A new snapshot (after {@code before}, or the first): its glide, its flashes, its sizes. */
  void accept(Snapshot s, Snapshot before, long now) {
    boolean moved = s.tick() != s.previousTick();
    if (moved && before != null) {
      // Glide over the time the next snapshot is likely to take (a little less, so vesicles
      // arrive rather than jump), but not for seconds after a pause or a single step.
      long gap = now - arrival;
      glide = Math.max(8_000_000L, Math.min(MAX_GLIDE_NANOS, (long) (0.9 * gap)));
    }
    arrival = moved ? now : now - glide;
    boolean anyDocked = false;
    for (int k = 0; k < s.typeCount(); k++) {
      anyDocked |= s.dockedCount(k) > 0;
    }
    if (anyDocked && moved) {
      flashes.addLast(new Flash(s, now));
    }
    normScale = normScale(s, normScale);
    dirty = true;
  }

  /** Forgets the flashes (a new network). */
  void forgetFlashes() {
    flashes.clear();
  }

  /** Forgets everything drawn: an empty frame is shown at the next pulse. */
  void clear() {
    flashes.clear();
    dirty = true;
    if (raster != null && !renderer.busy()) {
      renderer.submit(emptyJob());
    }
  }

  /** Something drawn changed (camera, selection, path, layout): draw a frame. */
  void markDirty() {
    dirty = true;
  }

  /** Gives the image the graph area's size in pixels (a new raster when it changed). */
  void resize(int w, int h) {
    if (raster == null || raster.width() != w || raster.height() != h) {
      raster = new VesicleRaster(w, h);
      pixelBuffer =
          new PixelBuffer<>(
              w, h, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
      view.setImage(new WritableImage(pixelBuffer));
      dirty = true;
    }
  }

  /**
   * Shows the frame the drawing thread finished, if any: its pixels go into the image (only the
   * rows and columns that changed) and its positions answer clicks. True when one was shown.
   */
  boolean take() {
    if (raster == null || !renderer.ready()) {
      return false;
    }
    boolean[] shown = {false};
    pixelBuffer.updateBuffer(
        b -> {
          VesicleRenderer.Done d = renderer.take(raster);
          if (d == null) {
            return Rectangle2D.EMPTY; // drawn for a size the view no longer has
          }
          shown[0] = true;
          lastRasterNanos = d.drawNanos();
          frames++;
          // Only the box that changed goes to the render thread.
          int[] box = renderer.lastCopied();
          return box[2] > box[0] && box[3] > box[1]
              ? new Rectangle2D(box[0], box[1], box[2] - box[0], box[3] - box[1])
              : Rectangle2D.EMPTY;
        });
    return shown[0];
  }

  /**
   * One frame: asks the drawing thread for the vesicles of {@code s} when they move, flash or
   * something changed (and once more after they stop, to draw them at rest).
   *
   * @param path the nodes the selected vesicle visited, oldest first, or an empty array
   */
  void frame(long now, Snapshot s, GraphCamera camera, GraphSelection selection, int[] path) {
    double progress = progress(s, now);
    boolean flashing = pruneFlashes(now);
    boolean moving = progress < 1;
    if (dirty || moving || wasMoving || flashing) {
      if (submit(progress, now, s, camera, selection, path)) {
        dirty = flashing; // one more frame after the last flash fades, to erase it
        wasMoving = moving;
      } else {
        dirty = true; // the drawing thread is busy: ask again next pulse
      }
    } else {
      wasMoving = moving;
    }
  }

  private double progress(Snapshot s, long now) {
    if (s == null || s.tick() == s.previousTick()) {
      return 1;
    }
    return Math.min(1, (now - arrival) / (double) glide);
  }

  private boolean pruneFlashes(long now) {
    while (!flashes.isEmpty() && now - flashes.peekFirst().at() >= FLASH_NANOS) {
      flashes.removeFirst();
    }
    return !flashes.isEmpty();
  }

  /**
   * Hands the vesicle layer of this frame to the drawing thread; false when it is still busy with
   * the previous one (the frame is asked for again at the next pulse).
   */
  private boolean submit(
      double progress, long now, Snapshot s, GraphCamera camera, GraphSelection sel, int[] path) {
    if (raster == null || renderer.busy()) {
      return false;
    }
    if (s == null || !camera.ready()) {
      return renderer.submit(emptyJob());
    }
    double nodeR = camera.nodeRadiusPx();
    // Larger when zoomed in; smaller in a crowd (beyond CROWD vesicles the discs would only
    // cover one another, and each costs its pixels).
    double crowd = Math.sqrt(CROWD / (double) Math.max(CROWD, s.totalPopulation()));
    double boost =
        clamp(Math.pow(1 / camera.transform().percent(), 0.35), 1, 3)
            * Math.max(MIN_CROWD_SCALE, crowd);
    double spread = clamp(0.9 * nodeR + 1.5, 2, 14);
    List<VesicleRenderer.Flash> flashList = new ArrayList<>();
    // Newest first: when there are more dockings than rings drawn, the brightest are kept.
    for (var it = flashes.descendingIterator(); it.hasNext(); ) {
      Flash f = it.next();
      if (f.snapshot().graph() == s.graph()) {
        flashList.add(
            new VesicleRenderer.Flash(f.snapshot(), (now - f.at()) / (double) FLASH_NANOS));
      }
    }
    return renderer.submit(
        new VesicleRenderer.Job(
            s,
            camera.nodeXs().clone(),
            camera.nodeYs().clone(),
            progress,
            spread,
            1.4 * boost,
            3.6 * boost,
            normScale,
            s.totalPopulation() <= HALO_LIMIT,
            flashList,
            nodeR + 2,
            FLASH_LIMIT,
            sel.isVesicle() ? sel.vesicleType() : -1,
            sel.vesicleId(),
            path,
            raster.width(),
            raster.height()));
  }

  private VesicleRenderer.Job emptyJob() {
    return new VesicleRenderer.Job(
        null,
        new double[0],
        new double[0],
        1,
        0,
        0,
        0,
        0,
        false,
        List.of(),
        0,
        0,
        -1,
        -1,
        new int[0],
        raster.width(),
        raster.height());
  }

  /** The payload length drawn largest: the 90th percentile of a sample, held and sinking slowly. */
  private static double normScale(Snapshot s, double previous) {
    float[] sample = new float[512];
    int c = 0;
    for (int k = 0; k < s.typeCount(); k++) {
      int m = s.vesicleCount(k);
      int step = Math.max(1, m / 128);
      for (int q = 0; q < m && c < sample.length; q += step) {
        sample[c++] = s.payloadNorm(k, q);
      }
    }
    double p90 = Percentile.quantile(sample, c, 0.9);
    return Math.max(p90, previous * 0.95);
  }

  /** The layer of the frame on screen (where each vesicle is drawn), or null before the first. */
  VesicleLayer shownLayer() {
    return renderer.shown();
  }

  /** The snapshot whose vesicles are on screen now (drawn a pulse after it came), or null. */
  Snapshot drawnSnapshot() {
    VesicleLayer v = renderer.shown();
    return v == null ? null : v.placed();
  }

  /** Where the q-th kept vesicle of a type was drawn in the frame on screen, or NaN. */
  double x(int type, int q) {
    VesicleLayer v = renderer.shown();
    return v == null || v.placed() == null ? Double.NaN : v.x(type, q);
  }

  double y(int type, int q) {
    VesicleLayer v = renderer.shown();
    return v == null || v.placed() == null ? Double.NaN : v.y(type, q);
  }

  /** Time the drawing thread took for the frame on screen, ns (0 before the first). */
  long lastRasterNanos() {
    return lastRasterNanos;
  }

  /** Frames the drawing thread finished and the image showed. */
  long frames() {
    return frames;
  }

  /** Stops the drawing thread. */
  void close() {
    renderer.close();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int rgb(Color c) {
    return ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }
}
