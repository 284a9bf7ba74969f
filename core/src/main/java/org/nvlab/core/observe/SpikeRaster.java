package org.nvlab.core.observe;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import org.nvlab.core.snapshot.Spikes;

/**
 * Records the spikes of a LIF host, tick by tick: after every tick, the nodes that spiked in it
 * (SPEC section 1: s_i = 1). It keeps the newest {@code windowTicks} ticks (the window's raster) or
 * all of them ({@link #ALL}, the command line's {@code spikes.csv}). On a rate host it records
 * nothing. Adding a tick allocates only when its arrays grow.
 */
public final class SpikeRaster implements Observer {
  /** Keep every tick. */
  public static final int ALL = Integer.MAX_VALUE;

  private final int windowTicks;
  private int nodeCount;
  private boolean spiking;
  private int[] ticks = new int[256];
  private int[] nodes = new int[256];
  private int start; // index of the oldest spike kept
  private int end;
  private int from = -1; // oldest tick kept
  private int to = -1; // one past the newest tick seen

  /**
   * @param windowTicks how many of the newest ticks to keep ({@link #ALL}: all)
   */
  public SpikeRaster(int windowTicks) {
    if (windowTicks < 1) {
      throw new IllegalArgumentException("a raster keeps at least one tick");
    }
    this.windowTicks = windowTicks;
  }

  @Override
  public void attached(SimulationView sim) {
    nodeCount = sim.nodeCount();
    spiking = sim.spiking();
    start = 0;
    end = 0;
    from = sim.tick();
    to = sim.tick();
  }

  @Override
  public void ticked(SimulationView sim) {
    if (!spiking) {
      return;
    }
    int t = sim.tick() - 1;
    for (int i = 0; i < nodeCount; i++) {
      if (sim.spike(i) != 0f) {
        add(t, i);
      }
    }
    to = t + 1;
    if (windowTicks != ALL && to - from > windowTicks) {
      from = to - windowTicks;
      while (start < end && ticks[start] < from) {
        start++;
      }
    }
  }

  private void add(int tick, int node) {
    if (end == ticks.length) {
      if (start > ticks.length / 2) { // slide the kept spikes down instead of growing
        System.arraycopy(ticks, start, ticks, 0, end - start);
        System.arraycopy(nodes, start, nodes, 0, end - start);
        end -= start;
        start = 0;
      } else {
        ticks = Arrays.copyOf(ticks, 2 * ticks.length);
        nodes = Arrays.copyOf(nodes, 2 * nodes.length);
      }
    }
    ticks[end] = tick;
    nodes[end] = node;
    end++;
  }

  /** True when the watched run has a LIF host (a rate host has no spikes to record). */
  public boolean spiking() {
    return spiking;
  }

  /** The spikes kept, as an immutable copy. */
  public Spikes spikes() {
    return new Spikes(
        nodeCount,
        Math.max(0, from),
        Math.max(0, to),
        Arrays.copyOfRange(ticks, start, end),
        Arrays.copyOfRange(nodes, start, end));
  }

  /** Writes {@code tick,node}, one spike a line, in tick order. */
  public void writeCsv(Writer w) throws IOException {
    w.write("tick,node\n");
    StringBuilder b = new StringBuilder(24);
    for (int q = start; q < end; q++) {
      b.setLength(0);
      b.append(ticks[q]).append(',').append(nodes[q]).append('\n');
      w.write(b.toString());
    }
  }
}
