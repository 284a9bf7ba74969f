package org.nvlab.core.snapshot;

/**
 * A spike raster: which nodes of a LIF host spiked at which ticks, as (tick, node) pairs in tick
 * order (nodes ascending within a tick), for ticks {@code from} to {@code to} - 1. Immutable: a
 * copy for viewers and files.
 *
 * @param nodeCount the host's nodes (the raster's height)
 * @param from the first tick covered
 * @param to one past the last tick covered
 */
public record Spikes(int nodeCount, int from, int to, int[] ticks, int[] nodes) {
  public Spikes {
    if (ticks.length != nodes.length) {
      throw new IllegalArgumentException("one node per spike");
    }
    ticks = ticks.clone();
    nodes = nodes.clone();
  }

  public int count() {
    return ticks.length;
  }

  public int tick(int spike) {
    return ticks[spike];
  }

  public int node(int spike) {
    return nodes[spike];
  }

  @Override
  public int[] ticks() {
    return ticks.clone();
  }

  @Override
  public int[] nodes() {
    return nodes.clone();
  }
}
