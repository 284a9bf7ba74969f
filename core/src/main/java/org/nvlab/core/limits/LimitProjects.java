package org.nvlab.core.limits;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectBuilder;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.SignalSpec;
import org.nvlab.core.project.TypeBuilder;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.Signals;

/**
 * What the three constructions share: their projects' common parts, their fixed random structure,
 * and probes.
 */
final class LimitProjects {
  private LimitProjects() {}

  /** Births per tick are lambdaMax * sigmoid(bias); at this bias the sigmoid is 1 in a double. */
  static final int CERTAIN = 40;

  /** The "bias" feature of theta: e^-50 makes staying put negligible against every real move. */
  static final int MOVE_BIAS = 50;

  /** A docking bias that makes p_dock = 1 at the sites (and sites make it 0 elsewhere). */
  static final int DOCK_ALWAYS = 1000;

  /** The one call that compiles a construction's project. */
  static Model compile(ProjectSpec spec, String name) {
    try {
      return Model.compile(spec, name + "-limit.json");
    } catch (ProjectException e) {
      throw new IllegalStateException(
          "the " + name + " limit's project is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * A construction's project: seed {@code seed}, 200 ticks, z stepping through {@code zCycle}; its
   * host (an edge list, so far) is a rate network with the defaults (tanh, feed-forward) and no
   * modulation decay, so each tick's buffers hold exactly that tick's releases.
   */
  static ProjectBuilder project(String name, String description, long seed, double[][] zCycle) {
    return ProjectBuilder.project(name)
        .description(description)
        .seed(seed)
        .ticks(200)
        .z(zSignals(zCycle))
        .host(h -> h.modulationDecay(0));
  }

  /** Poisson(N) births per tick at {@code emitter} alone: lambdaMax N, a certain sigmoid. */
  static void emitsAt(TypeBuilder.EmissionBuilder e, int vesicles, int emitter) {
    e.mode(EmissionRule.Mode.POISSON)
        .lambdaMax(vesicles)
        .bias(CERTAIN)
        .emitters(NodeSet.of(emitter));
  }

  /**
   * The path every construction's vesicles take: they live 4 ticks (longer than the path), hop by a
   * softmax kernel on which staying weighs e^-50, and dock with probability 1 at the sites.
   */
  static TypeBuilder hopsAndDocksAt(TypeBuilder t, int... sites) {
    return t.lifetime(LifetimeLaw.Kind.FIXED, 4)
        .kernel(k -> k.temperature(1).theta(KernelFeature.BIAS, MOVE_BIAS))
        .docking(d -> d.bias(DOCK_ALWAYS).sites(NodeSet.of(sites)));
  }

  /**
   * The vesicles of the FiLM and hypernetwork limits: Poisson(N) births at {@code emitter} with
   * payload c = E z + u + sigma noise (d = the length of u), hopping by random per-edge logits (std
   * 0.5, so that K(emitter, i) differs between the sites) and docking at the sites.
   */
  static TypeBuilder carrier(
      TypeBuilder t,
      int vesicles,
      int emitter,
      double[][] e,
      double[] u,
      double sigma,
      int... sites) {
    return hopsAndDocksAt(t.payloadDim(u.length), sites)
        .emission(
            em -> {
              emitsAt(em, vesicles, emitter);
              em.payloadZ(e).payloadOffset(u).payloadNoise(sigma);
            })
        .kernel(k -> k.edgeBiasStd(0.5));
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
   * The globals.z signals of a conditioning vector that steps through {@code cycle[0]}, {@code
   * cycle[1]}, ... one vector per tick.
   */
  static List<SignalSpec> zSignals(double[][] cycle) {
    int zDim = cycle[0].length;
    List<SignalSpec> z = new ArrayList<>();
    for (int k = 0; k < zDim; k++) {
      double[] values = new double[cycle.length];
      for (int t = 0; t < cycle.length; t++) {
        values[t] = cycle[t][k];
      }
      z.add(ProjectBuilder.cycle(1, values).build());
    }
    return z;
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
  static double[] arrivalShares(ProjectSpec spec, String name, int type, int node) {
    Model c = compile(spec, name);
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
}
