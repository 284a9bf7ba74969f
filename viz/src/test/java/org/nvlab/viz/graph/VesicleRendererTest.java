package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.SnapshotMaker;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.snapshot.Snapshot;

/** The drawing thread draws exactly what drawing on the calling thread would, and only once. */
class VesicleRendererTest {
  private static final int[] RGB = {0xf0a030, 0x40c070};
  private static final int W = 320;
  private static final int H = 200;

  private static Snapshot[] run(int ticks) throws Exception {
    Path project = Path.of("..", "sample-projects", "dense-modulators.nvlab");
    ProjectFiles.Loaded l = ProjectFiles.load(project);
    try (Simulation sim = Model.compile(l.spec(), l.file()).instantiate(3, 1)) {
      SnapshotMaker maker = new SnapshotMaker(100_000);
      Snapshot[] out = new Snapshot[ticks + 1];
      out[0] = maker.make(sim);
      for (int t = 1; t <= ticks; t++) {
        sim.step();
        out[t] = maker.make(sim);
      }
      return out;
    }
  }

  private static double[][] positions(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 20 + (i * 37) % (W - 40);
      y[i] = 20 + (i * 53) % (H - 40);
    }
    return new double[][] {x, y};
  }

  private static VesicleRenderer.Job job(Snapshot s, double[][] xy, double progress, boolean halo) {
    return new VesicleRenderer.Job(
        s,
        xy[0],
        xy[1],
        progress,
        4,
        1.4,
        3.6,
        1,
        halo,
        List.of(new VesicleRenderer.Flash(s, 0.25)),
        7,
        600,
        -1,
        -1,
        new int[0],
        W,
        H);
  }

  private static VesicleRenderer.Done await(VesicleRenderer r, VesicleRaster display)
      throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      VesicleRenderer.Done d = r.take(display);
      if (d != null) {
        return d;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("the drawing thread did not finish a frame in 10 s");
  }

  @Test
  void framesDrawnOnTheThreadMatchADrawingMadeHereAndEachIsShownOnce() throws Exception {
    Snapshot[] snaps = run(6);
    Snapshot s = snaps[6];
    assertTrue(s.totalPopulation() > 50, "the sample has vesicles: " + s.totalPopulation());
    double[][] xy = positions(s.nodeCount());
    VesicleRaster display = new VesicleRaster(W, H);
    try (VesicleRenderer r = new VesicleRenderer(RGB, 0x101418, 0xffffff)) {
      for (double progress : new double[] {0.0, 0.4, 1.0}) {
        for (boolean halo : new boolean[] {true, false}) {
          assertTrue(r.submit(job(s, xy, progress, halo)));
          assertTrue(r.busy());
          // One frame at a time: a second job waits until the first has been taken.
          assertTrue(!r.submit(job(s, xy, progress, halo)));
          VesicleRenderer.Done d = await(r, display);
          assertTrue(!r.busy());
          assertNull(r.take(display), "a frame is taken once");
          assertEquals(s, d.layer().placed());
          assertEquals(d.layer(), r.shown());

          VesicleRaster reference = new VesicleRaster(W, H);
          VesicleLayer layer = new VesicleLayer();
          layer.place(s, xy[0], xy[1], progress, 4, 1.4, 3.6, 1);
          layer.draw(reference, RGB, halo, 0x101418);
          layer.flashes(reference, s, xy[0], xy[1], 0.25, 7, RGB, 600);
          assertArrayEquals(reference.pixels(), display.pixels(), "progress " + progress);
          // Positions answer clicks: the shown layer holds where each vesicle was drawn.
          assertEquals(layer.x(0, 0), r.shown().x(0, 0));
        }
      }
      // Moving on to the next snapshot redraws everything; then an empty frame clears the image.
      assertTrue(r.submit(job(snaps[5], xy, 0.5, true)));
      assertNotNull(await(r, display));
      VesicleRenderer.Job empty =
          new VesicleRenderer.Job(
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
              W,
              H);
      assertTrue(r.submit(empty));
      await(r, display);
      for (int p : display.pixels()) {
        assertEquals(0, p);
      }
    }
  }

  @Test
  void aFrameOfAnotherSizeThanTheDisplayIsDroppedNotCopied() throws Exception {
    Snapshot s = run(3)[3];
    double[][] xy = positions(s.nodeCount());
    try (VesicleRenderer r = new VesicleRenderer(RGB, 0x101418, 0xffffff)) {
      assertTrue(r.submit(job(s, xy, 1, true)));
      VesicleRaster resized = new VesicleRaster(W + 10, H);
      long end = System.nanoTime() + 10_000_000_000L;
      while (r.busy() && System.nanoTime() < end) {
        assertNull(r.take(resized));
        Thread.sleep(1);
      }
      for (int p : resized.pixels()) {
        assertEquals(0, p);
      }
      assertTrue(r.submit(job(s, xy, 1, true)), "dropped: the thread takes the next job");
    }
  }

  @Test
  void theSelectedVesiclesPathIsALineThroughTheNodesItVisited() throws Exception {
    Snapshot s = run(4)[4];
    int n = s.nodeCount();
    double[] x = new double[n];
    double[] y = new double[n];
    java.util.Arrays.fill(x, -1000); // every node off screen but three
    java.util.Arrays.fill(y, -1000);
    x[0] = 40;
    y[0] = 40;
    x[1] = 240;
    y[1] = 40;
    x[2] = 240;
    y[2] = 160;
    int pathRgb = 0xd8dee9;
    VesicleRaster display = new VesicleRaster(W, H);
    try (VesicleRenderer r = new VesicleRenderer(RGB, 0x101418, 0xffffff, pathRgb)) {
      VesicleRenderer.Job j =
          new VesicleRenderer.Job(
              s, x, y, 1, 4, 1.4, 3.6, 1, true, List.of(), 7, 0, 0, -1, new int[] {0, 1, 2}, W, H);
      assertTrue(r.submit(j));
      await(r, display);
    }
    int opaquePath = 0xff000000 | pathRgb;
    // Along both segments, away from the nodes, the line is there; off them, nothing.
    for (int px = 60; px <= 220; px += 20) {
      assertEquals(opaquePath, display.pixels()[40 * W + px], "on the first segment at x=" + px);
      assertEquals(0, display.pixels()[60 * W + px], "below it");
    }
    for (int py = 60; py <= 140; py += 20) {
      assertEquals(opaquePath, display.pixels()[py * W + 240], "on the second at y=" + py);
    }
  }
}
