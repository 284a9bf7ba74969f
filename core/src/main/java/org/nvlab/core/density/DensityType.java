package org.nvlab.core.density;

import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.release.Cascade;
import org.nvlab.core.release.MemoryRelease;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vesicle.VesicleType;

/**
 * One vesicle type in the density model: its parameters, its moves, and the per-tick arrays of the
 * mean field: undocked expected counts rho and payload mass m per lifetime bucket, docked
 * (dwelling) compartments, and this tick's kernel, docking probabilities, births and releases.
 *
 * <p>Exponential lifetimes need one bucket (survival exp(-1/mean) per update, memoryless). A fixed
 * lifetime of L ticks gives k = max(1, ceil(L)) buckets by updates still survivable: newborns enter
 * bucket k-1, an update moves bucket r to r-1, and bucket 0 dies at its next update, as the
 * engine's expiry tick does.
 */
final class DensityType {
  final VesicleType type;
  final TypeParams params;
  final Neighbourhood nb;
  final int n;
  final int d;
  final int buckets;
  final double survival;
  final int dwell;
  final boolean[] absorbing;
  final boolean[] sites;
  final int[] emitters;
  final double[][] rho;
  final double[][] mass;
  final double[][] nextRho;
  final double[][] nextMass;
  final double[][] dockedCount;
  final double[][] dockedMass;
  final double[] kernel;
  final double[] logits;
  final double[] p;
  final double[] lambda;
  final double[] cbar;
  final double[] payloadPre;
  final double[] x;
  final double[] released;
  final double[] releasedMass;
  final double[] births;
  final double[] birthMass;
  double aliveBefore;
  final double[] y;
  final double[] ym;
  final double[][] hopRho;
  final double[][] hopMass;

  /** The moves by destination (pull order): sources, move ids and the kernel in that order. */
  final int[] pullStart;

  final int[] pullSource;
  final int[] pullMove;
  final double[] pullKernel;
  boolean kernelValid;
  int weightsSeen;

  DensityType(VesicleType t, Neighbourhood nb, int signals) {
    this.type = t;
    this.nb = nb;
    this.n = nb.nodeCount();
    this.d = t.payloadDim();
    this.params = new TypeParams(t, nb.entryCount(), signals);
    LifetimeLaw law = t.lifetime();
    if (law.kind() == LifetimeLaw.Kind.EXPONENTIAL) {
      buckets = 1;
      survival = Math.exp(-1.0 / law.mean()) * (1 - law.hazard());
    } else {
      buckets = (int) Math.max(1, Math.ceil(law.mean()));
      survival = 1 - law.hazard();
    }
    this.dwell = t.docking().dwellTicks();
    this.absorbing = t.absorbing();
    this.sites = t.docking().sites();
    int[] e = t.emission().emitters();
    if (e == null) {
      e = new int[n];
      for (int i = 0; i < n; i++) {
        e[i] = i;
      }
    }
    this.emitters = e;
    rho = new double[buckets][n];
    mass = new double[buckets][n * d];
    nextRho = new double[buckets][n];
    nextMass = new double[buckets][n * d];
    dockedCount = new double[Math.max(0, dwell - 1)][n];
    dockedMass = new double[Math.max(0, dwell - 1)][n * d];
    kernel = new double[nb.entryCount()];
    logits = new double[nb.entryCount()];
    p = new double[n];
    lambda = new double[n];
    cbar = new double[n * d];
    payloadPre = new double[n * d];
    x = new double[n * signals];
    released = new double[n];
    releasedMass = new double[n * d];
    births = new double[n];
    birthMass = new double[n * d];
    y = new double[n];
    ym = new double[n * d];
    hopRho = new double[2][n];
    hopMass = new double[2][n * d];
    int moves = nb.entryCount();
    pullStart = new int[n + 1];
    int[] dst = nb.destination();
    for (int q = 0; q < moves; q++) {
      pullStart[dst[q] + 1]++;
    }
    for (int j = 0; j < n; j++) {
      pullStart[j + 1] += pullStart[j];
    }
    pullSource = new int[moves];
    pullMove = new int[moves];
    pullKernel = new double[moves];
    int[] fill = java.util.Arrays.copyOf(pullStart, n);
    int[] start = nb.start();
    for (int i = 0; i < n; i++) {
      for (int q = start[i]; q < start[i + 1]; q++) {
        int at = fill[dst[q]]++;
        pullSource[at] = i;
        pullMove[at] = q;
      }
    }
  }

  /** Copies the kernel into pull order after it changed. */
  void refreshPullKernel() {
    for (int k = 0; k < pullMove.length; k++) {
      pullKernel[k] = kernel[pullMove[k]];
    }
  }

  /** Survival of bucket b at an update (before absorption, docking and moving). */
  double survival(int b) {
    if (buckets == 1) {
      return survival;
    }
    return b == 0 ? 0 : survival;
  }

  /** The bucket that bucket b's survivors move to. */
  int next(int b) {
    return buckets == 1 ? 0 : b - 1;
  }

  /** The bucket newborns enter. */
  int newborn() {
    return buckets - 1;
  }

  /** Expected undocked vesicles at node i (all buckets). */
  double count(int i) {
    double s = 0;
    for (double[] r : rho) {
      s += r[i];
    }
    return s;
  }

  /** Expected vesicles alive: undocked in every bucket and docked, dwelling ones. */
  double alive() {
    double s = 0;
    for (double[] r : rho) {
      for (double v : r) {
        s += v;
      }
    }
    for (double[] q : dockedCount) {
      for (double v : q) {
        s += v;
      }
    }
    return s;
  }

  boolean hasNonlinearReleases() {
    for (ReleaseOperator op : type.releases()) {
      if (op instanceof ParameterRelease || op instanceof MemoryRelease) {
        return true;
      }
      if (op instanceof Cascade c && c.tanh()) {
        return true;
      }
    }
    return false;
  }
}
