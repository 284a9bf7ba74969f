package org.nvlab.core.graph;

import java.util.Arrays;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;

/**
 * The standard host graphs: layered (feed-forward), grid, Erdos-Renyi and fixed out-degree random
 * graphs. Random graphs draw from the counter-based generator keyed by the seed, so a graph is a
 * pure function of its parameters. Weights are set afterwards with {@link EdgeListBuilder#weights}.
 */
public final class GraphBuilders {
  private GraphBuilders() {}

  /**
   * Layers of the given sizes, nodes numbered layer by layer; each node of layer k+1 receives an
   * edge from each node of layer k with probability {@code density} (1 = fully connected).
   */
  public static EdgeListBuilder layered(int[] sizes, double density, long seed) {
    if (sizes.length < 1) {
      throw new IllegalArgumentException("a layered graph needs at least one layer");
    }
    if (!(density >= 0 && density <= 1)) {
      throw new IllegalArgumentException("connection density must be in [0, 1], got " + density);
    }
    int n = 0;
    for (int s : sizes) {
      if (s < 1) {
        throw new IllegalArgumentException("every layer needs at least one node, got " + s);
      }
      n += s;
    }
    EdgeListBuilder b = new EdgeListBuilder(n);
    int[] layer = new int[n];
    float[] pos = new float[2 * n];
    int start = 0;
    long key = CounterRng.tickKey(seed, 0, Purpose.GRAPH);
    for (int k = 0; k < sizes.length; k++) {
      for (int i = 0; i < sizes[k]; i++) {
        layer[start + i] = k;
        pos[2 * (start + i)] = k;
        pos[2 * (start + i) + 1] = sizes[k] == 1 ? 0.5f : i / (float) (sizes[k] - 1);
      }
      if (k > 0) {
        int prev = start - sizes[k - 1];
        for (int j = 0; j < sizes[k]; j++) {
          for (int i = 0; i < sizes[k - 1]; i++) {
            int from = prev + i;
            int to = start + j;
            if (density >= 1
                || CounterRng.unit(CounterRng.draw(key, (long) from * n + to)) < density) {
              b.add(from, to, 1f);
            }
          }
        }
      }
      start += sizes[k];
    }
    return b.layers(layer).positions(pos);
  }

  /**
   * A width x height grid; every node links to its 4 (or 8 with {@code diagonal}) neighbours in
   * both directions; {@code torus} wraps the borders.
   */
  public static EdgeListBuilder grid(int width, int height, boolean torus, boolean diagonal) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("grid sides must be positive");
    }
    int n = width * height;
    EdgeListBuilder b = new EdgeListBuilder(n);
    float[] pos = new float[2 * n];
    int[] added = new int[8];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        pos[2 * i] = x;
        pos[2 * i + 1] = y;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if ((dx == 0 && dy == 0) || (!diagonal && dx != 0 && dy != 0)) {
              continue;
            }
            int nx = x + dx;
            int ny = y + dy;
            if (torus) {
              nx = Math.floorMod(nx, width);
              ny = Math.floorMod(ny, height);
            } else if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
              continue;
            }
            int j = ny * width + nx;
            if (j != i && !containsPrefix(added, count, j)) { // tiny tori wrap onto one neighbour
              added[count++] = j;
              b.add(i, j, 1f);
            }
          }
        }
      }
    }
    return b.positions(pos);
  }

  private static boolean containsPrefix(int[] a, int count, int v) {
    for (int q = 0; q < count; q++) {
      if (a[q] == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * Directed Erdos-Renyi G(n, p) without self-loops, by geometric skipping (Batagelj and Brandes),
   * so the cost is proportional to the number of edges, not n^2.
   */
  public static EdgeListBuilder erdosRenyi(int n, double p, long seed) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("edge probability must be in [0, 1], got " + p);
    }
    EdgeListBuilder b = new EdgeListBuilder(n);
    if (p == 0 || n < 2) {
      return b;
    }
    long key = CounterRng.tickKey(seed, 0, Purpose.GRAPH);
    long total = (long) n * (n - 1); // candidate pairs, self-loops excluded
    double logq = Math.log1p(-p);
    long pos = -1;
    long draw = 0;
    while (true) {
      if (p >= 1) {
        pos++;
      } else {
        double u = CounterRng.unitOpen(CounterRng.draw(key, draw++));
        pos += 1 + (long) Math.floor(Math.log(u) / logq);
      }
      if (pos >= total) {
        break;
      }
      int i = (int) (pos / (n - 1));
      int r = (int) (pos % (n - 1));
      int j = r < i ? r : r + 1;
      b.add(i, j, 1f);
    }
    return b;
  }

  /**
   * Every node gets exactly {@code degree} distinct out-neighbours, uniform among the other nodes
   * (Floyd's sampling algorithm: exact, no rejection loop).
   */
  public static EdgeListBuilder fixedOutDegree(int n, int degree, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("a graph needs at least one node, got " + n);
    }
    if (degree < 0 || degree > n - 1) {
      throw new IllegalArgumentException(
          "out-degree must be in 0.." + (n - 1) + " for " + n + " nodes, got " + degree);
    }
    EdgeListBuilder b = new EdgeListBuilder(n);
    long key = CounterRng.tickKey(seed, 0, Purpose.GRAPH);
    int[] chosen = new int[degree];
    int others = n - 1;
    for (int i = 0; i < n; i++) {
      long counter = (long) i * degree;
      int k = 0;
      for (int j = others - degree; j < others; j++) {
        int t = CounterRng.below(CounterRng.draw(key, counter++), j + 1);
        int pick = containsPrefix(chosen, k, t) ? j : t;
        chosen[k++] = pick;
      }
      Arrays.sort(chosen);
      for (int q = 0; q < degree; q++) {
        int target = chosen[q] >= i ? chosen[q] + 1 : chosen[q]; // skip the node itself
        b.add(i, target, 1f);
      }
    }
    return b;
  }
}
