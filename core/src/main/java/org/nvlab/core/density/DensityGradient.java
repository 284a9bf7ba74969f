package org.nvlab.core.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.release.LearningRuleRelease;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.Signals;

/**
 * Reverse-mode gradients of a loss summed over an unrolled horizon of the density model, with
 * respect to every parameter block (kernel theta and per-move biases, emission weights, bias,
 * maximum rate and payload map, docking bias and weights, ACTIVATION gain and bias readouts,
 * LEARNING RULE readouts), by an explicit adjoint pass in double precision.
 *
 * <p>The adjoint runs the tick backwards: the modulation buffers' decay, the releases, the births,
 * the transport (docking and migration) of every lifetime bucket, the rule inputs (softmax kernel,
 * logistic docking, sigmoid emission, payload map), and the host's forward pass, carrying dL/drho,
 * dL/dm, dL/dgamma, dL/dbeta, dL/dgate and (recurrent hosts) dL/da to the previous tick. Gradients
 * flow through the host's activations and gates into the rules that read them; host weights are
 * constants.
 */
public final class DensityGradient {
  private DensityGradient() {}

  /** What a project needs for gradients on top of the density model (empty when fine). */
  public static List<String> problems(DensityModel m) {
    List<String> out = new ArrayList<>();
    if (m.host.lif) {
      out.add("gradients need a rate host (spikes have no derivative)");
    }
    if (m.host.learningRate != 0) {
      out.add("gradients hold host weights fixed: set the host's learningRate to 0");
    }
    if (m.model().rewardFromTask()) {
      out.add("a reward computed from the task loss is not differentiated");
    }
    for (DensityType dt : m.types) {
      VesicleType t = dt.type;
      String at = "type '" + t.name() + "': ";
      if (dt.dwell > 1) {
        out.add(at + "dwelling docking is not differentiated");
      }
      if (t.kernel().hops() != 1) {
        out.add(at + "gradients need one hop per tick");
      }
      if (t.kernel().temperature() <= 0) {
        out.add(at + "a zero temperature (argmax routing) has no gradient");
      }
      if (t.kernel().theta()[KernelRule.ABS_ERROR] != 0
          || t.docking().eta()[1] != 0
          || t.emission().alpha()[Signals.ABS_ERROR] != 0) {
        out.add(at + "rules over |error| are not differentiated");
      }
      for (ReleaseOperator op : t.releases()) {
        if (!(op instanceof ActivationRelease) && !(op instanceof LearningRuleRelease)) {
          out.add(at + op.kind() + " releases are not differentiated");
        }
      }
    }
    return out;
  }

  /**
   * Runs the model forward for {@code ticks} ticks from its current state (which must be the
   * initial state), evaluating the loss, then the adjoint; fills every block's {@code grad} and
   * returns the loss.
   */
  public static double compute(DensityModel m, DensityLoss loss, int ticks) {
    List<String> problems = problems(m);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    if (m.tick() != 0) {
      throw new IllegalStateException("gradients are taken from the initial state");
    }
    DensityTape tape = new DensityTape();
    m.record(tape);
    double total = 0;
    try {
      for (int t = 0; t < ticks; t++) {
        m.step();
        DensityTape.Tick rec = tape.ticks.get(t);
        rec.rhoBar = new double[m.types.length][m.host.n];
        rec.aBar = new double[m.host.n];
        total += loss.evaluate(t, m, rec.rhoBar, rec.aBar);
      }
    } finally {
      m.record(null);
    }
    for (Block b : m.blocks()) {
      Arrays.fill(b.grad(), 0);
    }
    new Reverse(m, tape).run();
    return total;
  }

  /** The backward sweep over the tape. */
  private static final class Reverse {
    private final DensityModel m;
    private final DensityTape tape;
    private final int n;
    private final double[][][] rhoBar; // [type][bucket][node]: adjoint of the state after a tick
    private final double[][][] massBar;
    private final double[] gammaNext; // adjoint of the buffers the next tick's forward reads
    private final double[] betaNext;
    private final double[] gateNext;
    private double[] aPrevBar; // recurrent host: adjoint of a(t) from tick t+1's forward

    Reverse(DensityModel m, DensityTape tape) {
      this.m = m;
      this.tape = tape;
      this.n = m.host.n;
      rhoBar = new double[m.types.length][][];
      massBar = new double[m.types.length][][];
      for (int k = 0; k < m.types.length; k++) {
        DensityType dt = m.types[k];
        rhoBar[k] = new double[dt.buckets][n];
        massBar[k] = new double[dt.buckets][n * dt.d];
      }
      gammaNext = new double[n];
      betaNext = new double[n];
      gateNext = new double[n];
      aPrevBar = new double[n];
    }

    void run() {
      for (int t = tape.ticks.size() - 1; t >= 0; t--) {
        DensityTape.Tick rec = tape.ticks.get(t);
        // The loss at this tick reads the counts (every bucket) and the activations.
        for (int k = 0; k < m.types.length; k++) {
          for (double[] bucket : rhoBar[k]) {
            for (int i = 0; i < n; i++) {
              bucket[i] += rec.rhoBar[k][i];
            }
          }
        }
        double[] aBar = rec.aBar.clone();
        for (int i = 0; i < n; i++) {
          aBar[i] += aPrevBar[i];
        }
        double[] gammaBar = new double[n];
        double[] betaBar = new double[n];
        double[] gateBar = new double[n];
        // Step 4 reversed: buffer(t+1) = rho * buffer(t) + pending(t).
        DensityHost h = m.host;
        for (int i = 0; i < n; i++) {
          gammaBar[i] += h.modDecay * gammaNext[i];
          betaBar[i] += h.modDecay * betaNext[i];
          gateBar[i] += h.gateDecay * gateNext[i];
        }
        double[][][] prevRhoBar = new double[m.types.length][][];
        double[][][] prevMassBar = new double[m.types.length][][];
        for (int k = 0; k < m.types.length; k++) {
          DensityType dt = m.types[k];
          DensityTape.TypeTick s = rec.types[k];
          TypeParams pr = dt.params;
          int d = dt.d;
          // Releases reversed: R = released payload mass at each node.
          double[] releasedMass = releasedMass(dt, s);
          double[] rBar = new double[n * d];
          releaseReverse(dt, releasedMass, rBar);
          // Births reversed: the state's newborn bucket got lambda and lambda * cbar.
          int nb = dt.newborn();
          double[] lambdaBar = new double[n];
          double[] cbarBar = new double[n * d];
          for (int i = 0; i < n; i++) {
            lambdaBar[i] += rhoBar[k][nb][i];
            for (int c = 0; c < d; c++) {
              lambdaBar[i] += massBar[k][nb][i * d + c] * s.cbar[i * d + c];
              cbarBar[i * d + c] += s.lambda[i] * massBar[k][nb][i * d + c];
            }
          }
          // Transport reversed, bucket by bucket.
          double[] kernelBar = new double[dt.kernel.length];
          double[] pBar = new double[n];
          double[][] rb = new double[dt.buckets][n];
          double[][] mb = new double[dt.buckets][n * d];
          transportReverse(dt, s, k, releasedMass, rBar, kernelBar, pBar, rb, mb);
          // Rule inputs reversed (kernel, docking, emission, payload).
          kernelReverse(dt, s, rec, kernelBar, aBar, gateBar);
          dockingReverse(dt, s, rec, pBar, aBar, gateBar);
          emissionReverse(dt, s, lambdaBar, cbarBar, aBar, gateBar, rb);
          prevRhoBar[k] = rb;
          prevMassBar[k] = mb;
          if (pr == null) {
            throw new IllegalStateException();
          }
        }
        // The host's forward pass at this tick, reversed.
        double[] prevA = new double[n];
        h.reverse(aBar, rec.a, rec.z, rec.h, rec.gammaUsed, gammaBar, betaBar, prevA);
        aPrevBar = prevA;
        System.arraycopy(gammaBar, 0, gammaNext, 0, n);
        System.arraycopy(betaBar, 0, betaNext, 0, n);
        System.arraycopy(gateBar, 0, gateNext, 0, n);
        for (int k = 0; k < m.types.length; k++) {
          rhoBar[k] = prevRhoBar[k];
          massBar[k] = prevMassBar[k];
        }
      }
    }

    /** R_i = sum over buckets of p_i s_i m_i, recomputed from the tape. */
    private double[] releasedMass(DensityType dt, DensityTape.TypeTick s) {
      int d = dt.d;
      double[] r = new double[n * d];
      for (int b = 0; b < dt.buckets; b++) {
        double sv = dt.survival(b);
        for (int i = 0; i < n; i++) {
          double si = dt.absorbing != null && dt.absorbing[i] ? 0 : sv;
          for (int c = 0; c < d; c++) {
            r[i * d + c] += s.p[i] * si * s.mass[b][i * d + c];
          }
        }
      }
      return r;
    }

    /** ACTIVATION and LEARNING RULE releases reversed: fills rBar, adds readout gradients. */
    private void releaseReverse(DensityType dt, double[] releasedMass, double[] rBar) {
      int d = dt.d;
      int a = 0;
      int l = 0;
      for (ReleaseOperator op : dt.type.releases()) {
        if (op instanceof ActivationRelease) {
          Block gain = dt.params.gain.get(a);
          Block bias = dt.params.biasReadout.get(a);
          float[] scale = dt.params.activationScale.get(a);
          readoutReverse(gain, scale, gammaNext, releasedMass, rBar, d);
          readoutReverse(bias, scale, betaNext, releasedMass, rBar, d);
          a++;
        } else if (op instanceof LearningRuleRelease) {
          readoutReverse(
              dt.params.learning.get(l),
              dt.params.learningScale.get(l),
              gateNext,
              releasedMass,
              rBar,
              d);
          l++;
        }
      }
    }

    /** pending_i += s_i g_i . R_i, reversed against the pending buffer's adjoint. */
    private void readoutReverse(
        Block g, float[] scale, double[] pendingBar, double[] releasedMass, double[] rBar, int d) {
      if (g == null) {
        return;
      }
      double[] gv = g.values();
      double[] gg = g.grad();
      boolean perNode = gv.length != d;
      for (int i = 0; i < n; i++) {
        double pb = pendingBar[i] * (scale == null ? 1 : scale[i]);
        if (pb == 0) {
          continue;
        }
        int off = perNode ? i * d : 0;
        for (int k = 0; k < d; k++) {
          rBar[i * d + k] += pb * gv[off + k];
          gg[off + k] += pb * releasedMass[i * d + k];
        }
      }
    }

    private void transportReverse(
        DensityType dt,
        DensityTape.TypeTick s,
        int k,
        double[] releasedMass,
        double[] rBar,
        double[] kernelBar,
        double[] pBar,
        double[][] rb,
        double[][] mb) {
      int d = dt.d;
      int[] start = dt.nb.start();
      int[] dst = dt.nb.destination();
      for (int b = 0; b < dt.buckets; b++) {
        double sv = dt.survival(b);
        if (sv == 0) {
          continue;
        }
        double[] nextBar = rhoBar[k][dt.next(b)];
        double[] nextMassBar = massBar[k][dt.next(b)];
        for (int i = 0; i < n; i++) {
          double si = dt.absorbing != null && dt.absorbing[i] ? 0 : sv;
          double alive = si * s.rho[b][i];
          double y = alive * (1 - s.p[i]);
          double yBar = 0;
          for (int q = start[i]; q < start[i + 1]; q++) {
            int j = dst[q];
            yBar += s.kernel[q] * nextBar[j];
            double kb = y * nextBar[j];
            for (int c = 0; c < d; c++) {
              double am = si * s.mass[b][i * d + c];
              kb += am * (1 - s.p[i]) * nextMassBar[j * d + c];
            }
            kernelBar[q] += kb;
          }
          pBar[i] -= alive * yBar;
          rb[b][i] += si * (1 - s.p[i]) * yBar;
          for (int c = 0; c < d; c++) {
            double ymBar = 0;
            for (int q = start[i]; q < start[i + 1]; q++) {
              ymBar += s.kernel[q] * nextMassBar[dst[q] * d + c];
            }
            double am = si * s.mass[b][i * d + c];
            // ym = (1 - p) am, R += p am
            double amBar = (1 - s.p[i]) * ymBar + s.p[i] * rBar[i * d + c];
            pBar[i] += am * (rBar[i * d + c] - ymBar);
            mb[b][i * d + c] += si * amBar;
          }
        }
      }
    }

    private void kernelReverse(
        DensityType dt,
        DensityTape.TypeTick s,
        DensityTape.Tick rec,
        double[] kernelBar,
        double[] aBar,
        double[] gateBar) {
      KernelRule kr = dt.type.kernel();
      double temp = kr.temperature();
      double inv = Double.isInfinite(temp) ? 0 : 1 / temp;
      double[] th = dt.params.theta.values();
      double[] thG = dt.params.theta.grad();
      double[] ebG = dt.params.edgeBias.grad();
      int[] start = dt.nb.start();
      int[] dst = dt.nb.destination();
      int[] edge = dt.nb.edge();
      byte[] dir = dt.nb.direction();
      double[] w = m.host.w;
      for (int i = 0; i < n; i++) {
        double dot = 0;
        for (int q = start[i]; q < start[i + 1]; q++) {
          dot += s.kernel[q] * kernelBar[q];
        }
        for (int q = start[i]; q < start[i + 1]; q++) {
          double zb = inv * s.kernel[q] * (kernelBar[q] - dot);
          if (zb == 0) {
            continue;
          }
          int j = dst[q];
          if (dir[q] != 0) {
            thG[KernelRule.BIAS] += zb;
          }
          if (edge[q] >= 0) {
            thG[KernelRule.WEIGHT] += zb * w[edge[q]];
          }
          thG[KernelRule.ACTIVATION] += zb * rec.a[j];
          // The weight of |e| gets its gradient; the path through e itself is refused above.
          thG[KernelRule.ABS_ERROR] += zb * s.x[j * m.signals + Signals.ABS_ERROR];
          thG[KernelRule.DIRECTION] += zb * dir[q];
          thG[KernelRule.GATE] += zb * rec.gateUsed[j];
          ebG[q] += zb;
          aBar[j] += zb * th[KernelRule.ACTIVATION];
          gateBar[j] += zb * th[KernelRule.GATE];
        }
      }
    }

    private void dockingReverse(
        DensityType dt,
        DensityTape.TypeTick s,
        DensityTape.Tick rec,
        double[] pBar,
        double[] aBar,
        double[] gateBar) {
      double[] eta = dt.params.eta.values();
      double[] etaG = dt.params.eta.grad();
      double[] biasG = dt.params.dockBias.grad();
      for (int i = 0; i < n; i++) {
        if (dt.sites != null && !dt.sites[i]) {
          continue;
        }
        double p = s.p[i];
        double lb = pBar[i] * p * (1 - p);
        biasG[0] += lb;
        etaG[0] += lb * rec.a[i];
        etaG[1] += lb * s.x[i * m.signals + Signals.ABS_ERROR];
        etaG[2] += lb * rec.gateUsed[i];
        aBar[i] += lb * eta[0];
        gateBar[i] += lb * eta[2];
      }
    }

    private void emissionReverse(
        DensityType dt,
        DensityTape.TypeTick s,
        double[] lambdaBar,
        double[] cbarBar,
        double[] aBar,
        double[] gateBar,
        double[][] rb) {
      EmissionRule rule = dt.type.emission();
      int nx = m.signals;
      int d = dt.d;
      TypeParams pr = dt.params;
      double[] xBar = new double[n * nx];
      switch (rule.mode()) {
        case NONE -> {}
        case REPLACE -> {
          if (rule.target() - s.aliveBefore > 0) {
            // lambda_i = (target - alive) / |E| at emitters: alive sums every bucket.
            double ab = 0;
            for (int i : dt.emitters) {
              ab -= lambdaBar[i] / dt.emitters.length;
            }
            for (double[] bucket : rb) {
              for (int i = 0; i < n; i++) {
                bucket[i] += ab;
              }
            }
          }
        }
        case POISSON, BERNOULLI -> {
          double lmax = pr.lambdaMax.values()[0];
          double[] al = pr.alpha.values();
          double[] alG = pr.alpha.grad();
          boolean bernoulli = rule.mode() == EmissionRule.Mode.BERNOULLI;
          for (int i : dt.emitters) {
            double lb = lambdaBar[i];
            if (lb == 0) {
              continue;
            }
            double u = pr.emitBias.values()[0];
            for (int q = 0; q < nx; q++) {
              u += al[q] * s.x[i * nx + q];
            }
            double sig = 1 / (1 + Math.exp(-u));
            if (bernoulli && lmax * sig > 1) {
              continue; // clipped at 1: no derivative
            }
            pr.lambdaMax.grad()[0] += lb * sig;
            double ub = lb * lmax * sig * (1 - sig);
            pr.emitBias.grad()[0] += ub;
            for (int q = 0; q < nx; q++) {
              alG[q] += ub * s.x[i * nx + q];
              xBar[i * nx + q] += ub * al[q];
            }
          }
        }
      }
      double[] wv = pr.payloadW.values();
      double[] wG = pr.payloadW.grad();
      double[] uG = pr.payloadU.grad();
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < d; c++) {
          double cb = cbarBar[i * d + c];
          if (cb == 0) {
            continue;
          }
          double pre = s.payloadPre[i * d + c];
          double vb = rule.tanh() ? cb * (1 - Math.tanh(pre) * Math.tanh(pre)) : cb;
          uG[c] += vb;
          for (int q = 0; q < nx; q++) {
            wG[c * nx + q] += vb * s.x[i * nx + q];
            xBar[i * nx + q] += vb * wv[c * nx + q];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        aBar[i] += xBar[i * nx + Signals.ACTIVATION];
        gateBar[i] += xBar[i * nx + Signals.GATE];
      }
    }
  }
}
