package org.nvlab.app.desktop;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.nvlab.core.process.SimulationException;

/**
 * The engine's own thread, and nothing else: it alone touches the runs ({@link RunSet}). Other
 * threads hand it commands, which it runs between two ticks; while playing it steps the active run
 * at the pace asked for and publishes a snapshot at most every {@link #PUBLISH_NANOS} (and only
 * every {@link #drawEvery} ticks, and only when the window took the last one or it is stale); while
 * paused it waits for commands. A run that fails pauses, and its message waits for the window.
 */
final class EngineThread implements AutoCloseable {
  /** The shortest interval between two snapshots while playing (about 120 per second). */
  static final long PUBLISH_NANOS = 8_000_000L;

  /** A snapshot no one has taken is replaced anyway after this long. */
  static final long STALE_NANOS = 100_000_000L;

  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final Thread thread;
  private final RunSet runs;
  private final Publisher publisher;
  private volatile boolean playing;
  private volatile double ticksPerSecond = 20;
  private volatile int drawEvery = 1;
  private volatile boolean closed;
  private long nextTickNanos;
  private long lastPublishNanos;

  EngineThread(RunSet runs, Publisher publisher) {
    this.runs = runs;
    this.publisher = publisher;
    this.thread = new Thread(this::loop, "nvlab-engine");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code command} on the engine thread between two ticks. */
  void submit(Runnable command) {
    commands.add(command);
  }

  void play() {
    playing = true;
    commands.add(() -> nextTickNanos = System.nanoTime());
  }

  /** Stops after the tick in progress and publishes its snapshot. */
  void pause() {
    playing = false;
    commands.add(this::publish);
  }

  /** Pauses, then runs exactly one tick of the active run and publishes it. */
  void step() {
    playing = false;
    commands.add(
        () -> {
          if (runs.hasRun()) {
            advance();
            publish();
          }
        });
  }

  void stopPlaying() {
    playing = false;
  }

  boolean isPlaying() {
    return playing;
  }

  void setTicksPerSecond(double tps) {
    ticksPerSecond = tps;
    commands.add(() -> nextTickNanos = System.nanoTime());
  }

  double ticksPerSecond() {
    return ticksPerSecond;
  }

  void setDrawEvery(int n) {
    drawEvery = Math.max(1, n);
  }

  int drawEvery() {
    return drawEvery;
  }

  /** Engine thread: publishes what is shown now. */
  void publish() {
    publisher.publish(runs);
    lastPublishNanos = System.nanoTime();
  }

  /** Engine thread: a failure the window will show (the run pauses). */
  void fail(String message) {
    playing = false;
    failure.set(message);
  }

  String pollFailure() {
    return failure.getAndSet(null);
  }

  void clearFailure() {
    failure.set(null);
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  /** Stops the thread (after its current command) and closes every run. */
  @Override
  public void close() {
    closed = true;
    playing = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      while (!closed) {
        Runnable command;
        if (playing && runs.hasRun()) {
          long wait = pacing() ? nextTickNanos - System.nanoTime() : 0;
          command = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
        } else {
          command = commands.take();
        }
        if (command != null) {
          command.run();
          continue;
        }
        if (!playing || !runs.hasRun()) {
          continue;
        }
        advance();
        long now = System.nanoTime();
        long since = now - lastPublishNanos;
        if (!playing
            || (since >= PUBLISH_NANOS
                && runs.active().sim.tick() % drawEvery == 0
                && (publisher.taken || since >= STALE_NANOS))) {
          publish();
        }
        if (pacing()) {
          long period = (long) (1e9 / ticksPerSecond);
          // After a stall (a slow tick, a busy machine) carry on at the set pace; no burst.
          nextTickNanos = Math.max(nextTickNanos + period, now);
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop.
    } finally {
      runs.closeAll();
    }
  }

  private boolean pacing() {
    double tps = ticksPerSecond;
    return tps > 0 && Double.isFinite(tps);
  }

  /** One tick of the active run; a failure pauses the run and is kept for the window to show. */
  private void advance() {
    try {
      runs.step();
    } catch (SimulationException e) {
      fail(e.getMessage());
    } catch (RuntimeException e) {
      fail("internal error: " + e + " (please report it; the stack trace is on stderr)");
      e.printStackTrace();
    }
  }
}
