package org.nvlab.app.desktop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.graph.GraphView;

/**
 * What {@code nvlab bench-view} measures: the graph view drawing a synthetic run ({@link
 * SyntheticRun}) in a real window, as the lab's window drives it, for several vesicle counts.
 *
 * <p>A publisher thread stands in for the engine: it makes one snapshot per tick at the given tick
 * rate and publishes it through an atomic reference; the FX thread never makes one. Per pulse the
 * benchmark takes the newest snapshot and hands it to the view (as LabWindow does), and measures:
 *
 * <ul>
 *   <li><b>FX thread per frame</b>: from the first animation timer of the pulse (the benchmark's,
 *       started before the view's) to the end of the pulse's CSS and layout pass (a post-layout
 *       pulse listener): the view's frame (node colours, GraphStream redraws, the vesicle image,
 *       the legend) plus everything else the FX thread does for the frame, except handing the scene
 *       to the render thread.
 *   <li><b>View code per frame</b>: the view's own frame alone.
 *   <li><b>Rendered frame rate</b>: pulses per second of wall time. JavaFX starts a pulse only when
 *       the render thread has finished the previous frame, so this is the rate frames reach the
 *       screen.
 * </ul>
 */
public final class ViewBench {
  private ViewBench() {}

  /** The frame budget at 60 frames per second. */
  public static final double BUDGET_60FPS_MS = 1000.0 / 60;

  /**
   * @param nodes graph size
   * @param degree out-degree (edges to the nearest neighbours)
   * @param vesicles the cases: live vesicles, all drawn
   * @param seconds measured time per case
   * @param warmup unmeasured time per case first
   * @param ticksPerSecond snapshots per second from the publisher
   * @param width window width
   * @param height window height
   * @param seed the synthetic run's seed
   */
  public record Options(
      int nodes,
      int degree,
      int[] vesicles,
      double seconds,
      double warmup,
      double ticksPerSecond,
      int width,
      int height,
      long seed) {}

  /** One case's figures; times in milliseconds. */
  public record Result(
      int vesicles,
      int frames,
      double seconds,
      double fps,
      double fxMedianMs,
      double fxP90Ms,
      double viewMedianMs,
      double viewP90Ms,
      int vesicleFrames,
      double vesicleFps,
      double rasterMedianMs,
      double rasterP90Ms) {

    /** The target for this count: 4 ms up to 10,000 vesicles, 16 ms up to 100,000. */
    public double targetMs() {
      return vesicles <= 10_000 ? 4 : 16;
    }
  }

  /** Starts JavaFX if it is not running (it stays up: stages come and go between cases). */
  public static void startToolkit() throws InterruptedException {
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      started.complete(null);
    }
    Platform.setImplicitExit(false);
    try {
      started.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("JavaFX did not start: " + e, e);
    }
  }

  /** Runs every case in a window of its own. Call from any thread but the FX thread. */
  public static List<Result> run(Options o) throws Exception {
    return run(o, Stage::new);
  }

  /** As {@link #run(Options)}, drawing in stages from {@code stages} (called on the FX thread). */
  public static List<Result> run(Options o, Supplier<Stage> stages) throws Exception {
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException("the benchmark waits for frames: not on the FX thread");
    }
    List<Result> out = new ArrayList<>();
    for (int v : o.vesicles()) {
      out.add(runCase(o, v, stages));
    }
    return out;
  }

  /** The name of the JavaFX rendering pipeline in use ("SWPipeline": software), or "unknown". */
  public static String pipeline() {
    try {
      Object p =
          Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
      return p == null ? "unknown" : p.getClass().getSimpleName();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return "unknown";
    }
  }

  private static Result runCase(Options o, int vesicles, Supplier<Stage> stages) throws Exception {
    SyntheticRun run = new SyntheticRun(o.nodes(), o.degree(), vesicles, o.seed());
    AtomicReference<Snapshot> latest = new AtomicReference<>(run.next());
    int capacity = (int) Math.ceil(o.seconds() * 400) + 16;
    CompletableFuture<Probe> shown = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            Probe p = new Probe(latest, capacity); // JavaFX controls are made on the FX thread
            p.stage = stages.get();
            p.stage.setTitle("nvlab bench-view: " + vesicles + " vesicles");
            p.stage.setScene(new Scene(p.view, o.width(), o.height()));
            p.stage.getScene().addPostLayoutPulseListener(p::endOfLayout);
            p.view.setFrameListener(p::viewFrame);
            p.start(); // before the view's timer, so it opens every pulse
            p.view.show(latest.get());
            p.stage.show();
            shown.complete(p);
          } catch (RuntimeException e) {
            shown.completeExceptionally(e);
          }
        });
    Probe probe = shown.get(30, TimeUnit.SECONDS);
    Thread publisher = publisher(run, latest, o.ticksPerSecond());
    publisher.start();
    try {
      Thread.sleep((long) (o.warmup() * 1000));
      onFx(probe::beginMeasuring);
      Thread.sleep((long) (o.seconds() * 1000));
      return onFx(() -> probe.finish(vesicles));
    } finally {
      publisher.interrupt();
      publisher.join(5000);
      onFx(
          () -> {
            probe.stop();
            probe.view.dispose();
            probe.stage.close();
            return null;
          });
    }
  }

  private static Thread publisher(SyntheticRun run, AtomicReference<Snapshot> latest, double tps) {
    long period = (long) (1e9 / tps);
    Thread t =
        new Thread(
            () -> {
              long next = System.nanoTime();
              while (!Thread.currentThread().isInterrupted()) {
                latest.set(run.next());
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                  try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                  } catch (InterruptedException e) {
                    return;
                  }
                } else {
                  next = System.nanoTime(); // fell behind: no burst
                }
              }
            },
            "nvlab-bench-publisher");
    t.setDaemon(true);
    return t;
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(30, TimeUnit.SECONDS);
  }

  private static void onFx(Runnable r) throws Exception {
    onFx(
        () -> {
          r.run();
          return null;
        });
  }

  /** Opens each pulse, hands the view the newest snapshot, and collects the times (FX thread). */
  private static final class Probe extends AnimationTimer {
    final GraphView view = new GraphView();
    Stage stage;
    private final AtomicReference<Snapshot> latest;
    private final long[] fx;
    private final long[] viewTimes;
    private final long[] rasterTimes;
    private int rasterCount;
    private long framesAtStart;
    private long lastFrames;
    private int fxCount;
    private int viewCount;
    private long pulseStart;
    private boolean measuring;
    private long measureStart;
    private int pulses;
    private Snapshot shown;

    Probe(AtomicReference<Snapshot> latest, int capacity) {
      this.latest = latest;
      this.fx = new long[capacity];
      this.viewTimes = new long[capacity];
      this.rasterTimes = new long[capacity];
    }

    @Override
    public void handle(long now) {
      pulseStart = System.nanoTime();
      if (measuring) {
        pulses++;
      }
      Snapshot s = latest.get();
      if (s != shown) {
        shown = s;
        view.show(s);
      }
    }

    void viewFrame(long nanos) {
      if (measuring && viewCount < viewTimes.length) {
        viewTimes[viewCount++] = nanos;
      }
      long frames = view.vesicleFrames();
      if (frames != lastFrames) {
        lastFrames = frames;
        if (measuring && rasterCount < rasterTimes.length && view.lastRasterNanos() > 0) {
          rasterTimes[rasterCount++] = view.lastRasterNanos();
        }
      }
    }

    void endOfLayout() {
      if (measuring && pulseStart != 0 && fxCount < fx.length) {
        fx[fxCount++] = System.nanoTime() - pulseStart;
      }
      pulseStart = 0;
    }

    void beginMeasuring() {
      measuring = true;
      measureStart = System.nanoTime();
      pulses = 0;
      fxCount = 0;
      viewCount = 0;
      rasterCount = 0;
      framesAtStart = view.vesicleFrames();
    }

    Result finish(int vesicles) {
      measuring = false;
      double seconds = (System.nanoTime() - measureStart) / 1e9;
      long[] f = Arrays.copyOf(fx, fxCount);
      long[] v = Arrays.copyOf(viewTimes, viewCount);
      long[] r = Arrays.copyOf(rasterTimes, rasterCount);
      Arrays.sort(f);
      Arrays.sort(v);
      Arrays.sort(r);
      int vesicleFrames = (int) (view.vesicleFrames() - framesAtStart);
      return new Result(
          vesicles,
          pulses,
          seconds,
          pulses / seconds,
          ms(quantile(f, 0.5)),
          ms(quantile(f, 0.9)),
          ms(quantile(v, 0.5)),
          ms(quantile(v, 0.9)),
          vesicleFrames,
          vesicleFrames / seconds,
          ms(quantile(r, 0.5)),
          ms(quantile(r, 0.9)));
    }

    private static long quantile(long[] sorted, double q) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 1e4) / 100.0;
    }
  }
}
