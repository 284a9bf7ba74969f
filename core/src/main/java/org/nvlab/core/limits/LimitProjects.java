package org.nvlab.core.limits;

import java.util.Locale;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vocabulary.Signals;

/** What the three constructions share: JSON text, their fixed random structure, and probes. */
final class LimitProjects {
  private LimitProjects() {}

  /** Births per tick are lambdaMax * sigmoid(bias); at this bias the sigmoid is 1 in a double. */
  static final int CERTAIN = 40;

  /** The "bias" feature of theta: e^-50 makes staying put negligible against every real move. */
  static final int MOVE_BIAS = 50;

  /** A docking bias that makes p_dock = 1 at the sites (and sites make it 0 elsewhere). */
  static final int DOCK_ALWAYS = 1000;

  static Model compile(String json, String name) {
    try {
      return Model.compile(ProjectReader.parse(json, name + "-limit.json"), name + "-limit.json");
    } catch (ProjectException e) {
      throw new IllegalStateException(
          "the " + name + " limit's project is invalid: " + e.getMessage(), e);
    }
  }

  /** A number as JSON: shortest text that reads back as the same double. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String list(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(num(v[i]));
    }
    return b.append(']').toString();
  }

  static String list(int[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(v[i]);
    }
    return b.append(']').toString();
  }

  /** Rows, one per line, indented by {@code indent} spaces after the first. */
  static String rows(double[][] r, int indent) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < r.length; i++) {
      if (i > 0) {
        b.append(",\n").append(" ".repeat(indent));
      }
      b.append(list(r[i]));
    }
    return b.append(']').toString();
  }

  /**
   * A rows x cols matrix of N(mean, std^2) numbers rounded to 3 decimals (so the project file stays
   * readable), keyed by {@code key}: a construction's structure is fixed, whatever the run seed.
   */
  static double[][] gaussian(long key, int rows, int cols, double mean, double std) {
    RngStream r = new RngStream().reset(CounterRng.mix64(key));
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        out[i][k] = Math.rint(1000 * (mean + std * r.nextGaussian())) / 1000;
      }
    }
    return out;
  }

  /**
   * The globals.z entries of a conditioning vector that steps through {@code cycle[0]}, {@code
   * cycle[1]}, ... one vector per tick.
   */
  static String zSignals(double[][] cycle) {
    int zDim = cycle[0].length;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < zDim; k++) {
      double[] values = new double[cycle.length];
      for (int t = 0; t < cycle.length; t++) {
        values[t] = cycle[t][k];
      }
      b.append(k == 0 ? "" : ",\n      ")
          .append("{\"shape\": \"cycle\", \"period\": 1, \"values\": ")
          .append(list(values))
          .append('}');
    }
    return b.toString();
  }

  /** z at a tick of such a cycle (the engine's cycle signal: values[t mod length]). */
  static double[] z(double[][] cycle, int tick) {
    return cycle[Math.floorMod(tick, cycle.length)];
  }

  /**
   * The mean payload c = W x + u of an identity-phi emission whose map reads z only (the other
   * signals have zero weights in these constructions): u + W_z z, from the compiled floats.
   */
  static double[] meanPayload(EmissionRule rule, int d, double[] z) {
    if (rule.tanh()) {
      throw new IllegalArgumentException("the limits use identity payload maps");
    }
    int nx = Signals.length(z.length);
    double[] c = new double[d];
    for (int r = 0; r < d; r++) {
      double v = rule.payloadOffset() == null ? 0 : rule.payloadOffset()[r];
      for (int k = 0; k < z.length; k++) {
        v += rule.payloadMatrix()[r * nx + Signals.Z0 + k] * z[k];
      }
      c[r] = v;
    }
    return c;
  }

  /** a[off..off+c.length) . c */
  static double dot(float[] a, int off, double[] c) {
    double s = 0;
    for (int k = 0; k < c.length; k++) {
      s += a[off + k] * c[k];
    }
    return s;
  }

  /**
   * K(node, j) for every node j, read from the engine's own kernel row after one tick of the
   * project: the expected share of a vesicle's first hop from {@code node} that lands on j.
   */
  static double[] arrivalShares(String json, String name, int type, int node) {
    Model c = compile(json, name);
    try (Simulation sim = c.instantiate(1)) {
      sim.step();
      double[] row = sim.kernelRow(type, node);
      int[] dst = sim.kernelDestinations(type, node);
      double[] share = new double[c.nodeCount()];
      for (int k = 0; k < row.length; k++) {
        share[dst[k]] += row[k];
      }
      return share;
    }
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
