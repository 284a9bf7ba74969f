package org.nvlab.core.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that run one indexed task at a time over items 0..count-1.
 *
 * <p>The engine calls {@link #forEach} a few times per tick; each call must cost microseconds and
 * allocate nothing, which rules out executors that wrap every submission in a future. Items are
 * claimed from a shared counter, so which thread runs an item is not fixed: results must be written
 * per item (a chunk's own buffers), never per thread, when they feed anything that must be
 * reproducible. The calling thread takes part as worker 0. Idle workers spin briefly and then park,
 * so an idle simulation does not burn a core.
 */
public final class WorkerPool implements AutoCloseable {

  /** A task over item indices; {@code worker} is in [0, threads) for per-worker scratch space. */
  @FunctionalInterface
  public interface Task {
    void run(int item, int worker);
  }

  private static final int SPIN_BEFORE_PARK = 1 << 14;

  private final int threads;
  private final Thread[] workers;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile int generation;
  private volatile boolean closed;
  private volatile Thread waiter;
  private Task task;
  private int count;
  private boolean blocks;
  private volatile Throwable failure;

  public WorkerPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.workers = new Thread[threads - 1];
    for (int w = 1; w < threads; w++) {
      final int id = w;
      Thread t = new Thread(() -> workerLoop(id), "nvlab-worker-" + w);
      t.setDaemon(true);
      workers[w - 1] = t;
      t.start();
    }
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task} for every item in [0, count) and returns when all are done. Exceptions thrown
   * by the task are rethrown here (the first one wins).
   */
  public void forEach(int count, Task task) {
    run(count, task, false);
  }

  /**
   * Like {@link #forEach}, but worker w runs the contiguous block of items [w * count / threads, (w
   * + 1) * count / threads), in order. Phases that touch the same data (the vesicle step, then the
   * births into its holes) keep it on the same core this way, which matters when the cores do not
   * share a cache; the price is no load balancing.
   */
  public void forEachStatic(int count, Task task) {
    run(count, task, true);
  }

  /** The first item of worker w's block in a static partition of {@code count} items. */
  public int blockStart(int count, int worker) {
    return (int) ((long) count * worker / threads);
  }

  private void run(int count, Task task, boolean blocks) {
    if (count <= 0) {
      return;
    }
    if (threads == 1 || count == 1) {
      for (int i = 0; i < count; i++) {
        task.run(i, 0);
      }
      return;
    }
    this.task = task;
    this.count = count;
    this.blocks = blocks;
    this.failure = null;
    next.set(0);
    pending.set(threads - 1);
    waiter = Thread.currentThread();
    generation = generation + 1; // volatile write publishes task and count
    for (Thread t : workers) {
      LockSupport.unpark(t);
    }
    try {
      drain(0);
    } catch (Throwable t) {
      failure = t;
    }
    int spins = 0;
    while (pending.get() != 0) {
      if (++spins < SPIN_BEFORE_PARK) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    waiter = null;
    this.task = null;
    Throwable f = failure;
    if (f != null) {
      if (f instanceof RuntimeException re) {
        throw re;
      }
      if (f instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(f);
    }
  }

  private void drain(int worker) {
    Task t = task;
    int n = count;
    if (blocks) {
      int end = blockStart(n, worker + 1);
      for (int i = blockStart(n, worker); i < end; i++) {
        t.run(i, worker);
      }
      return;
    }
    int i;
    while ((i = next.getAndIncrement()) < n) {
      t.run(i, worker);
    }
  }

  private void workerLoop(int id) {
    int seen = 0;
    while (!closed) {
      int spins = 0;
      int g;
      while ((g = generation) == seen && !closed) {
        if (++spins < SPIN_BEFORE_PARK) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = g;
      try {
        drain(id);
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      LockSupport.unpark(t);
    }
    for (Thread t : workers) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
