package org.nvlab.app.desktop;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.snapshot.Snapshot;

/**
 * Snapshots of a made-up run, for measuring the graph view without an engine: nodes spread evenly
 * over a disc, each linked to its nearest neighbours (short edges, as a force-directed layout draws
 * a real network), and vesicles of two types hopping along the edges, docking (2% per tick) and
 * undocking, dying and being born (2%), with payloads of varied length; activations drift.
 *
 * <p>One instance belongs to one thread (the benchmark's stand-in for the engine thread).
 */
final class SyntheticRun {
  private static final List<String> TYPES = List.of("amber", "green");

  private final Graph graph;
  private final int n;
  private final int[] start;
  private final int[] target;
  private final SplittableRandom random;
  private final int[][] node;
  private final long[][] id;
  private final float[][] norm;
  private final float[] phase;
  private final float[] weights;
  private long nextId;
  private int tick;

  SyntheticRun(int nodes, int degree, int vesicles, long seed) {
    if (nodes < 2 || degree < 1 || degree >= nodes || vesicles < 0) {
      throw new IllegalArgumentException("need nodes >= 2, 1 <= degree < nodes, vesicles >= 0");
    }
    n = nodes;
    random = new SplittableRandom(seed);
    float[] xy = new float[2 * n];
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int i = 0; i < n; i++) {
      double r = Math.sqrt((i + 0.5) / n);
      xy[2 * i] = (float) (r * Math.cos(i * golden));
      xy[2 * i + 1] = (float) (r * Math.sin(i * golden));
    }
    EdgeListBuilder b = new EdgeListBuilder(n).positions(xy);
    double[] d2 = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dx = xy[2 * i] - xy[2 * j];
        double dy = xy[2 * i + 1] - xy[2 * j + 1];
        d2[j] = j == i ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
        order[j] = j;
      }
      Arrays.sort(order, (p, q) -> Double.compare(d2[p], d2[q]));
      for (int k = 0; k < degree; k++) {
        b.add(i, order[k], (float) (random.nextGaussian() * 0.5));
      }
    }
    graph = b.build();
    start = graph.outStart();
    target = graph.outTarget();
    weights = graph.initialWeights();
    phase = new float[n];
    for (int i = 0; i < n; i++) {
      phase[i] = (float) (random.nextDouble() * 2 * Math.PI);
    }
    node = new int[TYPES.size()][];
    id = new long[TYPES.size()][];
    norm = new float[TYPES.size()][];
    for (int k = 0; k < TYPES.size(); k++) {
      int m = vesicles / TYPES.size() + (k < vesicles % TYPES.size() ? 1 : 0);
      node[k] = new int[m];
      id[k] = new long[m];
      norm[k] = new float[m];
      for (int q = 0; q < m; q++) {
        born(k, q);
      }
    }
  }

  Graph graph() {
    return graph;
  }

  int edgeCount() {
    return graph.edgeCount();
  }

  private void born(int k, int q) {
    node[k][q] = random.nextInt(n);
    id[k][q] = nextId++;
    norm[k][q] = (float) Math.exp(random.nextGaussian() * 0.5);
  }

  /** Runs one made-up tick and returns its snapshot (every vesicle kept). */
  Snapshot next() {
    tick++;
    Snapshot.Builder s = Snapshot.builder(graph, TYPES).tick(tick).previousTick(tick - 1);
    for (int k = 0; k < TYPES.size(); k++) {
      int m = node[k].length;
      int[] from = new int[m];
      int[] docked = new int[m];
      int dockings = 0;
      for (int q = 0; q < m; q++) {
        int loc = node[k][q];
        int here = loc >= 0 ? loc : ~loc;
        double u = random.nextDouble();
        if (u < 0.02) {
          born(k, q);
          from[q] = node[k][q];
          continue;
        }
        from[q] = here;
        if (loc < 0) {
          if (u < 0.35) {
            node[k][q] = here; // undocks
          }
        } else if (u < 0.04) { // 2% dock, as in the reference workload
          node[k][q] = ~here;
          docked[dockings++] = here;
        } else {
          node[k][q] = target[start[here] + random.nextInt(start[here + 1] - start[here])];
        }
      }
      s.vesicles(k, node[k], from, id[k], norm[k]).docked(k, Arrays.copyOf(docked, dockings));
      s.counts(k, m, m / 50, dockings);
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (0.8 * Math.sin(0.15 * tick + phase[i]) + 0.1 * random.nextGaussian());
    }
    return s.activation(a).weights(weights, 0).build();
  }
}
