package org.nvlab.core.density;

import java.util.ArrayList;
import java.util.List;

/**
 * What the adjoint needs from each tick of the forward pass: the host's activations,
 * pre-activations and the buffers it read, and per type the state before the tick and the tick's
 * kernel, docking probabilities, births, payloads and rule inputs, plus the loss's partial
 * derivatives at that tick.
 */
final class DensityTape {
  final List<Tick> ticks = new ArrayList<>();

  Tick begin(DensityModel m) {
    Tick t = new Tick(m.types.length);
    ticks.add(t);
    return t;
  }

  static final class Tick {
    double[] a;
    double[] z;
    double[] h;
    double[] gammaUsed;
    double[] betaUsed;
    double[] gateUsed;
    final TypeTick[] types;

    /** dLoss/dcount per type and node at this tick, and dLoss/da. */
    double[][] rhoBar;

    double[] aBar;

    Tick(int typeCount) {
      types = new TypeTick[typeCount];
    }

    /** Saves a type's inputs for this tick; called once per type, in type order. */
    void saveType(DensityType dt) {
      TypeTick s = new TypeTick();
      s.rho = new double[dt.buckets][];
      s.mass = new double[dt.buckets][];
      for (int b = 0; b < dt.buckets; b++) {
        s.rho[b] = dt.rho[b].clone();
        s.mass[b] = dt.mass[b].clone();
      }
      s.p = dt.p.clone();
      s.kernel = dt.kernel.clone();
      s.lambda = dt.lambda.clone();
      s.cbar = dt.cbar.clone();
      s.payloadPre = dt.payloadPre.clone();
      s.x = dt.x.clone();
      s.aliveBefore = dt.aliveBefore;
      types[saved++] = s;
    }

    private int saved;

    void saveHost(DensityHost h) {
      a = h.a.clone();
      z = h.z.clone();
      this.h = h.h.clone();
      gammaUsed = h.gamma.clone();
      betaUsed = h.beta.clone();
      gateUsed = h.gate.clone();
    }
  }

  static final class TypeTick {
    double[][] rho;
    double[][] mass;
    double[] p;
    double[] kernel;
    double[] lambda;
    double[] cbar;
    double[] payloadPre;
    double[] x;
    double aliveBefore;
  }
}
