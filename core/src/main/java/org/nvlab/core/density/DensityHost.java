package org.nvlab.core.density;

import java.util.Arrays;
import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.Model.BoundSignal;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.LifNetwork;
import org.nvlab.core.host.RateNetwork;
import org.nvlab.core.host.Signal;

/**
 * The host as the density model sees it: the same equations as {@code host.RateNetwork} and {@code
 * host.LifNetwork}, in double precision, driven by expected modulation (released expected payloads)
 * and by the expected value of stochastic inputs (a noise signal contributes its offset, a Poisson
 * one rate * amplitude + offset). For the rate host this is the mean-field host and it is
 * differentiable ({@link #reverse}); for the LIF host it is a deterministic LIF driven by mean
 * inputs, a mean-field approximation (spikes have no gradient).
 */
final class DensityHost {
  final Graph graph;
  final int n;
  final boolean lif;
  final Activation f;
  final boolean recurrent;
  final double[] w;
  final double[] bias;
  final double[] a;
  final double[] prev;
  final double[] z;
  final double[] h;
  final double[] error;
  final double[] delta;
  final double[] spike;
  final double[] gamma;
  final double[] beta;
  final double[] threshold;
  final double[] gate;
  final double[] memory;
  final int memoryDim;
  final double[] pendGamma;
  final double[] pendBeta;
  final double[] pendThreshold;
  final double[] pendGate;
  final double[] input;
  final double[] target;
  final boolean[] isInput;
  final boolean[] hasTarget;
  final double modDecay;
  final double gateDecay;
  final double learningRate;
  final int[] order;
  final int[] levelStart;
  double loss;

  /** Counts weight changes, so kernels that read weights know when to rebuild. */
  int weightsVersion;

  private final List<BoundSignal> inputs;
  private final List<BoundSignal> targets;
  // LIF state.
  private final LifNetwork.Params lifParams;
  private final double[] v;
  private final int[] refractory;
  private final double[] syn;

  DensityHost(Model p) {
    Host host = p.host().build(); // the host's initial state, read once
    this.graph = host.graph();
    this.n = graph.nodeCount();
    this.w = TypeParams.d(host.weight());
    this.bias = TypeParams.d(host.bias());
    this.a = new double[n];
    this.prev = new double[n];
    this.z = new double[n];
    this.h = new double[n];
    this.error = new double[n];
    this.delta = new double[n];
    this.spike = new double[n];
    this.gamma = new double[n];
    this.beta = new double[n];
    this.threshold = new double[n];
    this.gate = new double[n];
    this.memoryDim = host.memoryDim();
    this.memory = TypeParams.d(host.memory());
    this.pendGamma = new double[n];
    this.pendBeta = new double[n];
    this.pendThreshold = new double[n];
    this.pendGate = new double[n];
    this.input = new double[n];
    this.target = new double[n];
    this.isInput = host.isInput().clone();
    this.hasTarget = host.hasTarget().clone();
    this.inputs = p.inputs();
    this.targets = p.targets();
    this.modDecay = p.spec().host().modulationDecay();
    this.gateDecay = p.spec().host().gateDecay();
    if (host instanceof RateNetwork r) {
      this.lif = false;
      this.f = r.activationFunction();
      this.recurrent = r.recurrent();
      this.learningRate = p.spec().host().learningRate();
      this.lifParams = null;
      this.v = null;
      this.refractory = null;
      this.syn = null;
      if (recurrent) {
        order = null;
        levelStart = null;
      } else {
        int[] topo = graph.topologicalOrder();
        int[] level = new int[n];
        int depth = 0;
        for (int i : topo) {
          int l = 0;
          for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
            l = Math.max(l, level[graph.inSource()[e]] + 1);
          }
          level[i] = l;
          depth = Math.max(depth, l + 1);
        }
        levelStart = new int[depth + 1];
        for (int i = 0; i < n; i++) {
          levelStart[level[i] + 1]++;
        }
        for (int l = 0; l < depth; l++) {
          levelStart[l + 1] += levelStart[l];
        }
        order = new int[n];
        int[] fill = levelStart.clone();
        for (int i = 0; i < n; i++) {
          order[fill[level[i]]++] = i;
        }
      }
    } else {
      LifNetwork l = (LifNetwork) host;
      this.lif = true;
      this.f = Activation.IDENTITY;
      this.recurrent = true;
      this.learningRate = 0;
      this.lifParams = l.params();
      this.v = new double[n];
      Arrays.fill(v, lifParams.vRest());
      this.refractory = new int[n];
      this.syn = new double[n];
      this.order = null;
      this.levelStart = null;
    }
  }

  /** A signal's expected value: stochastic shapes contribute their mean. */
  static double expected(Signal s, long tick, int channel) {
    return switch (s.shape()) {
      case NOISE -> s.offset();
      case POISSON -> s.rate() * s.amplitude() + s.offset();
      default -> s.value(0, tick, channel, 0, null);
    };
  }

  void applySignals(long tick) {
    for (BoundSignal b : inputs) {
      for (int c = 0; c < b.nodes().length; c++) {
        input[b.nodes()[c]] = expected(b.signal(), tick, c);
      }
    }
    for (BoundSignal b : targets) {
      for (int c = 0; c < b.nodes().length; c++) {
        target[b.nodes()[c]] = expected(b.signal(), tick, c);
      }
    }
  }

  /** Step 1: the forward pass and the error signals. */
  void forward() {
    if (lif) {
      lifForward();
    } else if (recurrent) {
      System.arraycopy(a, 0, prev, 0, n);
      for (int i = 0; i < n; i++) {
        rateNode(i, prev);
      }
    } else {
      for (int q = 0; q < n; q++) {
        rateNode(order[q], a);
      }
    }
    errors();
  }

  private void rateNode(int i, double[] from) {
    if (isInput[i]) {
      a[i] = input[i];
      return;
    }
    double s = bias[i];
    int[] src = graph.inSource();
    for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
      s += w[e] * from[src[e]];
    }
    h[i] = s;
    z[i] = (1 + gamma[i]) * s + beta[i];
    a[i] = apply(z[i]);
  }

  double apply(double x) {
    return switch (f) {
      case IDENTITY -> x;
      case TANH -> Math.tanh(x);
      case RELU -> x > 0 ? x : 0;
      case SIGMOID -> 1 / (1 + Math.exp(-x));
    };
  }

  double derivative(double x, double y) {
    return switch (f) {
      case IDENTITY -> 1;
      case TANH -> 1 - y * y;
      case RELU -> x > 0 ? 1 : 0;
      case SIGMOID -> y * (1 - y);
    };
  }

  private void errors() {
    boolean any = false;
    double l = 0;
    for (int i = 0; i < n; i++) {
      if (hasTarget[i]) {
        any = true;
        l += 0.5 * (a[i] - target[i]) * (a[i] - target[i]);
      }
    }
    if (!any) {
      return;
    }
    loss = l;
    if (lif || recurrent) {
      for (int i = 0; i < n; i++) {
        error[i] = hasTarget[i] ? a[i] - target[i] : 0;
        delta[i] = isInput[i] || lif ? 0 : error[i] * derivative(z[i], a[i]) * (1 + gamma[i]);
      }
      return;
    }
    int[] outStart = graph.outStart();
    int[] outTarget = graph.outTarget();
    int[] outEdge = graph.outEdge();
    for (int q = n - 1; q >= 0; q--) {
      int i = order[q];
      double e = hasTarget[i] ? a[i] - target[i] : 0;
      for (int k = outStart[i]; k < outStart[i + 1]; k++) {
        e += w[outEdge[k]] * delta[outTarget[k]];
      }
      error[i] = e;
      delta[i] = isInput[i] ? 0 : e * derivative(z[i], a[i]) * (1 + gamma[i]);
    }
  }

  private void lifForward() {
    LifNetwork.Params p = lifParams;
    double leak = p.dt() / p.tauMembrane();
    double synDecay = p.tauSynapse() > 0 ? Math.exp(-p.dt() / p.tauSynapse()) : 0;
    double rateDecay = Math.exp(-p.dt() / Math.max(1e-6, p.tauRate()));
    int[] src = graph.inSource();
    double[] next = new double[n];
    for (int i = 0; i < n; i++) {
      if (refractory[i] > 0) {
        refractory[i]--;
        v[i] = p.vReset();
        next[i] = 0;
        continue;
      }
      double s = 0;
      for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
        s += w[e] * syn[src[e]];
      }
      double vi = v[i] + leak * (p.vRest() - v[i]) + (1 + gamma[i]) * s + beta[i] + input[i];
      if (vi >= p.threshold() + threshold[i]) {
        next[i] = 1;
        v[i] = p.vReset();
        refractory[i] = p.refractoryTicks();
      } else {
        next[i] = 0;
        v[i] = vi;
      }
    }
    for (int i = 0; i < n; i++) {
      spike[i] = next[i];
      syn[i] = synDecay * syn[i] + spike[i];
      a[i] = rateDecay * a[i] + (1 - rateDecay) * spike[i];
    }
  }

  /** Step 4: buffers decay and take the tick's expected releases. */
  void decay() {
    for (int i = 0; i < n; i++) {
      gamma[i] = modDecay * gamma[i] + pendGamma[i];
      beta[i] = modDecay * beta[i] + pendBeta[i];
      threshold[i] = modDecay * threshold[i] + pendThreshold[i];
      gate[i] = gateDecay * gate[i] + pendGate[i];
    }
    Arrays.fill(pendGamma, 0);
    Arrays.fill(pendBeta, 0);
    Arrays.fill(pendThreshold, 0);
    Arrays.fill(pendGate, 0);
  }

  /** Step 5 for the rate host (LIF plasticity is not modelled in the mean field). */
  void learn() {
    if (lif || learningRate == 0) {
      return;
    }
    int[] src = graph.inSource();
    double[] pre = recurrent ? prev : a;
    for (int i = 0; i < n; i++) {
      if (delta[i] == 0) {
        continue;
      }
      double rate = learningRate * Math.max(0, 1 + gate[i]);
      for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
        w[e] -= rate * delta[i] * pre[src[e]];
      }
      bias[i] -= rate * delta[i];
    }
    weightsVersion++;
  }

  /**
   * The reverse of a rate host's forward pass at one tick: given dL/da at that tick (added to by
   * everything that read the activations), adds dL/dgamma and dL/dbeta of the buffers the pass
   * read, and, for a recurrent host, dL/da of the previous tick. {@code a}, {@code z}, {@code h},
   * {@code gammaUsed} are the values the forward pass had at that tick.
   */
  void reverse(
      double[] aBar,
      double[] aTick,
      double[] zTick,
      double[] hTick,
      double[] gammaUsed,
      double[] gammaBar,
      double[] betaBar,
      double[] prevABar) {
    int[] src = graph.inSource();
    if (recurrent) {
      for (int i = 0; i < n; i++) {
        if (isInput[i]) {
          continue;
        }
        double zb = aBar[i] * derivative(zTick[i], aTick[i]);
        gammaBar[i] += zb * hTick[i];
        betaBar[i] += zb;
        double hb = zb * (1 + gammaUsed[i]);
        for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
          prevABar[src[e]] += w[e] * hb;
        }
      }
      return;
    }
    for (int q = n - 1; q >= 0; q--) {
      int i = order[q];
      if (isInput[i]) {
        continue;
      }
      double zb = aBar[i] * derivative(zTick[i], aTick[i]);
      gammaBar[i] += zb * hTick[i];
      betaBar[i] += zb;
      double hb = zb * (1 + gammaUsed[i]);
      for (int e = graph.inStart()[i]; e < graph.inStart()[i + 1]; e++) {
        aBar[src[e]] += w[e] * hb;
      }
    }
  }
}
