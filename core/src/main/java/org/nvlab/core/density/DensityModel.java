package org.nvlab.core.density;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nvlab.core.Model;
import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Signal;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.release.Cascade;
import org.nvlab.core.release.LearningRuleRelease;
import org.nvlab.core.release.MemoryRelease;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.Signals;

/**
 * The continuous density relaxation of SPEC section 9, stepped in the engine's tick order: per
 * type, expected undocked vesicles rho and payload mass m per node,
 *
 * <pre>
 *   rho(t+1) = K^T [(1 - p) s rho(t)] + lambda(t+1)
 *   m(t+1)   = K^T [(1 - p) s m(t)]   + lambda(t+1) cbar(t+1)
 *   released at i: p_i s_i m_i(t)
 * </pre>
 *
 * with s the survival of an update (exp(-1/mean) (1 - mu) for exponential lifetimes, per bucket for
 * fixed ones, 0 at absorbing nodes), p the docking probability, K the kernel and lambda the
 * expected births. Release operators act on the expected released payload; the host is the
 * mean-field host ({@link DensityHost}). When kernels, docking and emission do not depend on the
 * vesicles' own effects, linearity of expectation makes the mean of the stochastic engine over
 * seeds equal rho exactly (the exactness check). See docs/model.md for what is exact and what is a
 * mean-field approximation.
 */
public final class DensityModel implements AutoCloseable {
  private final Model project;
  private final org.nvlab.core.parallel.WorkerPool workers;
  final DensityHost host;
  final DensityType[] types;
  final int signals;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> approximations = new ArrayList<>();
  private int tick;
  private DensityTape tape;

  /** Builds a single-threaded model; see {@link #DensityModel(Model, int)}. */
  public DensityModel(Model project) {
    this(project, 1);
  }

  /**
   * Builds the model; throws {@link IllegalArgumentException} listing what it cannot model. With
   * more than one thread the transport runs in parallel over destination ranges (results are
   * identical: every node's sum has a fixed order); close the model to stop its threads.
   */
  public DensityModel(Model project, int threads) {
    List<String> problems = problems(project);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.project = project;
    this.workers = new org.nvlab.core.parallel.WorkerPool(threads);
    this.host = new DensityHost(project);
    this.signals = Signals.length(project.z().size());
    VesicleType[] vt = project.types();
    this.types = new DensityType[vt.length];
    Map<KernelRule.Neighbourhood, Neighbourhood> hoods = new HashMap<>();
    for (int k = 0; k < vt.length; k++) {
      KernelRule.Neighbourhood mode = vt[k].kernel().neighbourhood();
      Neighbourhood nb =
          hoods.computeIfAbsent(
              mode,
              m ->
                  Neighbourhood.of(
                      host.graph,
                      m != KernelRule.Neighbourhood.IN,
                      m != KernelRule.Neighbourhood.OUT));
      types[k] = new DensityType(vt[k], nb, signals);
      index.put(vt[k].name(), k);
      if (types[k].hasNonlinearReleases()) {
        approximations.add(
            "type '"
                + vt[k].name()
                + "': PARAMETER, MEMORY and tanh-CASCADE releases act on the expected payload"
                + " (a mean-field approximation)");
      }
    }
    if (host.lif) {
      approximations.add(
          "the LIF host is driven by expected modulation (mean-field approximation)");
    }
  }

  /** What the density model cannot represent in a project (empty when it can). */
  public static List<String> problems(Model p) {
    List<String> out = new ArrayList<>();
    for (VesicleType t : p.types()) {
      String at = "type '" + t.name() + "': ";
      if (t.kernel().contentScale() != 0) {
        out.add(at + "content-dependent kernels need the payload distribution, not its mean");
      }
      if (t.docking().contentWeight() != 0) {
        out.add(at + "content-dependent docking needs the payload distribution, not its mean");
      }
      if (t.stateDim() > 0
          && t.docking().stateWeights() != null
          && anyNonZero(t.docking().stateWeights())) {
        out.add(at + "docking on the internal state s is not modelled");
      }
      if (t.cap() != Integer.MAX_VALUE) {
        out.add(at + "population caps are not modelled (remove the cap)");
      }
      if (t.emission().rate() != null) {
        out.add(at + "an emission rate expression is not modelled (use emission.weights)");
      }
      if (t.kernel().score() != null) {
        out.add(at + "a kernel score expression is not modelled (use kernel.theta)");
      }
      if (t.docking().logit() != null) {
        out.add(at + "a docking logit expression is not modelled (use docking.bias and weights)");
      }
      for (ReleaseOperator op : t.releases()) {
        if (op instanceof ActivationRelease a
                && (a.gainMap() != null || a.biasMap() != null || a.thresholdMap() != null)
            || op instanceof LearningRuleRelease l && l.lMap() != null
            || op instanceof ParameterRelease pr && pr.hMap() != null) {
          out.add(at + "a release readout given as an expression is not modelled (give numbers)");
          break;
        }
      }
    }
    return out;
  }

  static boolean anyNonZero(float[] a) {
    for (float v : a) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  /** Notes on the parts that are mean-field approximations rather than exact expectations. */
  public List<String> approximations() {
    return List.copyOf(approximations);
  }

  public int tick() {
    return tick;
  }

  public int typeCount() {
    return types.length;
  }

  public String typeName(int k) {
    return types[k].type.name();
  }

  public int nodeCount() {
    return host.n;
  }

  /** Expected undocked vesicles of type k at node i after the last tick. */
  public double rho(int k, int i) {
    return types[k].count(i);
  }

  /** Expected payload mass (component c) of type k at node i after the last tick. */
  public double mass(int k, int i, int c) {
    double s = 0;
    for (double[] m : types[k].mass) {
      s += m[i * types[k].d + c];
    }
    return s;
  }

  /** Expected releases of type k at node i in the last tick. */
  public double released(int k, int i) {
    return types[k].released[i];
  }

  /** The mean-field host's activations (live array). */
  public double[] activation() {
    return host.a;
  }

  public double[] gamma() {
    return host.gamma;
  }

  public double[] gate() {
    return host.gate;
  }

  /** The differentiable parameters of type k. */
  public TypeParams params(int k) {
    return types[k].params;
  }

  /** Every parameter block of every type. */
  public List<Block> blocks() {
    List<Block> out = new ArrayList<>();
    for (DensityType t : types) {
      out.addAll(t.params.blocks());
    }
    return out;
  }

  public Model model() {
    return project;
  }

  /** Starts recording what the adjoint needs (call before the first tick). */
  void record(DensityTape tape) {
    this.tape = tape;
  }

  /** One tick in the engine's order. */
  public void step() {
    int t = tick;
    DensityHost h = host;
    h.applySignals(t);
    double reward = globalsReward(t);
    h.forward();
    double task = project.task();
    List<Signal> z = project.z();
    double[] zv = new double[z.size()];
    for (int k = 0; k < zv.length; k++) {
      zv[k] = DensityHost.expected(z.get(k), t, k);
    }
    DensityTape.Tick rec = tape != null ? tape.begin(this) : null;
    for (DensityType dt : types) {
      dt.aliveBefore = dt.alive();
      ruleInputs(dt, reward, task, zv);
      if (rec != null) {
        rec.saveType(dt);
      }
    }
    for (DensityType dt : types) {
      transport(dt);
    }
    for (DensityType dt : types) {
      births(dt);
    }
    for (DensityType dt : types) {
      cascades(dt);
    }
    for (DensityType dt : types) {
      finish(dt);
      applyReleases(dt);
    }
    if (rec != null) {
      rec.saveHost(h);
    }
    h.decay();
    h.learn();
    tick = t + 1;
  }

  public void run(int ticks) {
    for (int i = 0; i < ticks; i++) {
      step();
    }
  }

  private double globalsReward(int t) {
    double r;
    if (project.rewardFromTask()) {
      r = -host.loss;
    } else if (project.reward() != null) {
      r = DensityHost.expected(project.reward(), t, 0);
    } else {
      r = 0;
    }
    return r;
  }

  /** Signals, expected births and payloads, docking probabilities and the kernel at this tick. */
  private void ruleInputs(DensityType dt, double reward, double task, double[] zv) {
    DensityHost h = host;
    TypeParams pr = dt.params;
    int n = dt.n;
    int nx = signals;
    for (int i = 0; i < n; i++) {
      int o = i * nx;
      dt.x[o + Signals.ACTIVATION] = h.a[i];
      dt.x[o + Signals.ABS_ERROR] = Math.abs(h.error[i]);
      dt.x[o + Signals.SPIKE] = h.spike[i];
      dt.x[o + Signals.GATE] = h.gate[i];
      dt.x[o + Signals.REWARD] = reward;
      dt.x[o + Signals.TASK] = task;
      System.arraycopy(zv, 0, dt.x, o + Signals.Z0, zv.length);
    }
    // Emission.
    EmissionRule rule = dt.type.emission();
    java.util.Arrays.fill(dt.lambda, 0);
    double[] al = pr.alpha.values();
    double lmax = pr.lambdaMax.values()[0];
    double eb = pr.emitBias.values()[0];
    switch (rule.mode()) {
      case NONE -> {}
      case REPLACE -> {
        double births = Math.max(0, rule.target() - dt.aliveBefore);
        for (int i : dt.emitters) {
          dt.lambda[i] += births / dt.emitters.length;
        }
      }
      case POISSON, BERNOULLI -> {
        boolean bernoulli = rule.mode() == EmissionRule.Mode.BERNOULLI;
        for (int i : dt.emitters) {
          double u = eb;
          for (int q = 0; q < nx; q++) {
            u += al[q] * dt.x[i * nx + q];
          }
          double l = lmax / (1 + Math.exp(-u));
          dt.lambda[i] = bernoulli ? Math.min(1, l) : l;
        }
      }
    }
    double[] wv = pr.payloadW.values();
    double[] uv = pr.payloadU.values();
    int d = dt.d;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        double v = uv[k];
        for (int q = 0; q < nx; q++) {
          v += wv[k * nx + q] * dt.x[i * nx + q];
        }
        dt.payloadPre[i * d + k] = v;
        dt.cbar[i * d + k] = rule.tanh() ? Math.tanh(v) : v;
      }
    }
    // Docking.
    double db = pr.dockBias.values()[0];
    double[] eta = pr.eta.values();
    for (int i = 0; i < n; i++) {
      if (dt.sites != null && !dt.sites[i]) {
        dt.p[i] = 0;
        continue;
      }
      double l = db + eta[0] * h.a[i] + eta[1] * Math.abs(h.error[i]) + eta[2] * h.gate[i];
      dt.p[i] = 1 / (1 + Math.exp(-l));
    }
    // Kernel.
    kernel(dt);
  }

  /**
   * The softmax kernel K(i, .) for every node, from theta and the per-move bias; kept from the last
   * tick when it reads no node state and the weights it reads have not changed.
   */
  private void kernel(DensityType dt) {
    KernelRule rule = dt.type.kernel();
    if (dt.kernelValid
        && !rule.readsNodeState()
        && !(rule.readsWeights() && dt.weightsSeen != host.weightsVersion)) {
      return;
    }
    computeKernel(dt);
    dt.refreshPullKernel();
    dt.kernelValid = true;
    dt.weightsSeen = host.weightsVersion;
  }

  private void computeKernel(DensityType dt) {
    KernelRule kr = dt.type.kernel();
    double temp = kr.temperature();
    boolean greedy = temp <= 0;
    double inv = greedy ? 1 : (Double.isInfinite(temp) ? 0 : 1 / temp);
    double[] th = dt.params.theta.values();
    double[] eb = dt.params.edgeBias.values();
    int[] start = dt.nb.start();
    int[] dst = dt.nb.destination();
    int[] edge = dt.nb.edge();
    byte[] dir = dt.nb.direction();
    DensityHost h = host;
    for (int i = 0; i < dt.n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int q = start[i]; q < start[i + 1]; q++) {
        int j = dst[q];
        double z =
            (dir[q] != 0 ? th[KernelRule.BIAS] : 0)
                + (edge[q] >= 0 ? th[KernelRule.WEIGHT] * h.w[edge[q]] : 0)
                + th[KernelRule.ACTIVATION] * h.a[j]
                + th[KernelRule.ABS_ERROR] * Math.abs(h.error[j])
                + th[KernelRule.DIRECTION] * dir[q]
                + th[KernelRule.GATE] * h.gate[j]
                + eb[q];
        dt.logits[q] = z * inv;
        max = Math.max(max, dt.logits[q]);
      }
      double sum = 0;
      for (int q = start[i]; q < start[i + 1]; q++) {
        double e = greedy ? (dt.logits[q] == max ? 1 : 0) : Math.exp(dt.logits[q] - max);
        dt.kernel[q] = e;
        sum += e;
      }
      for (int q = start[i]; q < start[i + 1]; q++) {
        dt.kernel[q] /= sum;
      }
    }
  }

  /** Survival, docking, releases and migration of last tick's vesicles (step 3). */
  private void transport(DensityType dt) {
    int n = dt.n;
    int d = dt.d;
    java.util.Arrays.fill(dt.released, 0);
    java.util.Arrays.fill(dt.releasedMass, 0);
    for (double[] r : dt.nextRho) {
      java.util.Arrays.fill(r, 0);
    }
    for (double[] m : dt.nextMass) {
      java.util.Arrays.fill(m, 0);
    }
    double[] y = dt.y;
    double[] ym = dt.ym;
    for (int b = 0; b < dt.buckets; b++) {
      double s = dt.survival(b);
      if (s == 0) {
        continue;
      }
      double[] rho = dt.rho[b];
      double[] mass = dt.mass[b];
      for (int i = 0; i < n; i++) {
        double si = dt.absorbing != null && dt.absorbing[i] ? 0 : s;
        double alive = si * rho[i];
        double dock = dt.p[i] * alive;
        dt.released[i] += dock;
        y[i] = alive - dock;
        for (int c = 0; c < d; c++) {
          double am = si * mass[i * d + c];
          double dm = dt.p[i] * am;
          dt.releasedMass[i * d + c] += dm;
          ym[i * d + c] = am - dm;
        }
      }
      hop(dt, dt.nextRho[dt.next(b)], dt.nextMass[dt.next(b)]);
    }
    // Docked, dwelling vesicles: compartment k holds those with k + 1 releases left. Each
    // releases now and moves down a compartment (compartment 0 is then consumed); this tick's
    // new dockings, after their first release, enter compartment dwell - 2.
    if (dt.dwell > 1) {
      int last = dt.dwell - 2;
      double[] newCount = dt.released.clone();
      double[] newMass = dt.releasedMass.clone();
      for (int k = 0; k <= last; k++) {
        for (int i = 0; i < n; i++) {
          dt.released[i] += dt.dockedCount[k][i];
        }
        for (int c = 0; c < n * d; c++) {
          dt.releasedMass[c] += dt.dockedMass[k][c];
        }
      }
      for (int k = 0; k < last; k++) {
        System.arraycopy(dt.dockedCount[k + 1], 0, dt.dockedCount[k], 0, n);
        System.arraycopy(dt.dockedMass[k + 1], 0, dt.dockedMass[k], 0, n * d);
      }
      System.arraycopy(newCount, 0, dt.dockedCount[last], 0, n);
      System.arraycopy(newMass, 0, dt.dockedMass[last], 0, n * d);
    }
  }

  /**
   * Moves dt.y, dt.ym by the kernel and adds the result into outRho, outMass: h hops, a vesicle on
   * an absorbing node stops hopping. Each hop is a sparse K^T x product done by pulling: every
   * destination sums over its incoming moves, in parallel over destination ranges, so no two
   * threads write one node.
   */
  private void hop(DensityType dt, double[] outRho, double[] outMass) {
    int hops = dt.type.kernel().hops();
    double[] curR = dt.y;
    double[] curM = dt.ym;
    for (int k = 0; k < hops; k++) {
      boolean last = k == hops - 1;
      double[] nr = last ? outRho : dt.hopRho[k % 2];
      double[] nm = last ? outMass : dt.hopMass[k % 2];
      if (!last) {
        java.util.Arrays.fill(nr, 0);
        java.util.Arrays.fill(nm, 0);
      }
      pull.set(dt, curR, curM, nr, nm, k > 0);
      workers.forEach((dt.n + PULL_CHUNK - 1) / PULL_CHUNK, pullTask);
      curR = nr;
      curM = nm;
    }
  }

  private static final int PULL_CHUNK = 4096;
  private final Pull pull = new Pull();
  private final org.nvlab.core.parallel.WorkerPool.Task pullTask = pull::run;

  /** One pull-SpMV hop's arguments, reused across hops (no allocation per tick). */
  private static final class Pull {
    private DensityType dt;
    private double[] fromR;
    private double[] fromM;
    private double[] toR;
    private double[] toM;
    private boolean absorbingStops;

    void set(DensityType dt, double[] fr, double[] fm, double[] tr, double[] tm, boolean stops) {
      this.dt = dt;
      this.fromR = fr;
      this.fromM = fm;
      this.toR = tr;
      this.toM = tm;
      this.absorbingStops = stops && dt.absorbing != null;
    }

    void run(int chunk, int worker) {
      int d = dt.d;
      int from = chunk * PULL_CHUNK;
      int to = Math.min(dt.n, from + PULL_CHUNK);
      int[] start = dt.pullStart;
      int[] src = dt.pullSource;
      double[] k = dt.pullKernel;
      boolean[] abs = dt.absorbing;
      for (int j = from; j < to; j++) {
        double r = 0;
        int jd = j * d;
        if (absorbingStops && abs[j]) {
          // An absorbed vesicle stays put for the remaining hops of this tick.
          r += fromR[j];
          for (int c = 0; c < d; c++) {
            toM[jd + c] += fromM[jd + c];
          }
        }
        for (int q = start[j]; q < start[j + 1]; q++) {
          int i = src[q];
          if (absorbingStops && abs[i]) {
            continue;
          }
          double kq = k[q];
          r += kq * fromR[i];
          int id = i * d;
          for (int c = 0; c < d; c++) {
            toM[jd + c] += kq * fromM[id + c];
          }
        }
        toR[j] += r;
      }
    }
  }

  private void births(DensityType dt) {
    int d = dt.d;
    for (int i = 0; i < dt.n; i++) {
      dt.births[i] = dt.lambda[i];
      for (int c = 0; c < d; c++) {
        dt.birthMass[i * d + c] = dt.lambda[i] * dt.cbar[i * d + c];
      }
    }
  }

  /** Children of this type's releases join the child type's births of this tick. */
  private void cascades(DensityType dt) {
    for (ReleaseOperator op : dt.type.releases()) {
      if (!(op instanceof Cascade cas)) {
        continue;
      }
      DensityType child = types[cas.childType()];
      int dc = child.d;
      for (int i = 0; i < dt.n; i++) {
        double r = dt.released[i];
        if (r == 0) {
          continue;
        }
        // Children per release: Poisson(count) has mean count; a fixed count is rounded.
        double perRelease = cas.poisson() ? cas.count() : Math.round(cas.count());
        double kids = perRelease * r;
        child.births[i] += kids;
        for (int c = 0; c < dc; c++) {
          double v;
          if (cas.fromMemory()) {
            v = host.memory[i * host.memoryDim + c] * kids;
          } else {
            double mean = cas.offset() != null ? cas.offset()[c] : 0;
            double lin = 0;
            for (int k = 0; k < dt.d; k++) {
              double rm = dt.releasedMass[i * dt.d + k];
              lin +=
                  (cas.transform() == null ? (k == c ? 1 : 0) : cas.transform()[c * dt.d + k]) * rm;
            }
            // Exact for phi = identity: E[sum (T c + u)] = T R + u r. With tanh: tanh of the mean.
            v = cas.tanh() ? kids * Math.tanh(lin / r + mean) : perRelease * (lin + mean * r);
          }
          child.birthMass[i * dc + c] += v;
        }
      }
    }
  }

  /** The new state: transported survivors plus births in the newborn bucket. */
  private void finish(DensityType dt) {
    for (int b = 0; b < dt.buckets; b++) {
      System.arraycopy(dt.nextRho[b], 0, dt.rho[b], 0, dt.n);
      System.arraycopy(dt.nextMass[b], 0, dt.mass[b], 0, dt.n * dt.d);
    }
    int nb = dt.newborn();
    for (int i = 0; i < dt.n; i++) {
      dt.rho[nb][i] += dt.births[i];
    }
    for (int c = 0; c < dt.n * dt.d; c++) {
      dt.mass[nb][c] += dt.birthMass[c];
    }
  }

  /** Release operators on the expected released payload. */
  private void applyReleases(DensityType dt) {
    DensityHost h = host;
    int d = dt.d;
    int a = 0;
    int l = 0;
    for (ReleaseOperator op : dt.type.releases()) {
      if (op instanceof ActivationRelease) {
        Block gain = dt.params.gain.get(a);
        Block bias = dt.params.biasReadout.get(a);
        float[] scale = dt.params.activationScale.get(a);
        float[] thr = dt.params.threshold.get(a);
        for (int i = 0; i < dt.n; i++) {
          double s = scale == null ? 1 : scale[i];
          if (gain != null) {
            h.pendGamma[i] += s * readout(gain.values(), i, dt.releasedMass, d);
          }
          if (bias != null) {
            h.pendBeta[i] += s * readout(bias.values(), i, dt.releasedMass, d);
          }
          if (thr != null) {
            h.pendThreshold[i] += s * readoutF(thr, i, dt.releasedMass, d);
          }
        }
        a++;
      } else if (op instanceof LearningRuleRelease) {
        double[] lv = dt.params.learning.get(l).values();
        float[] scale = dt.params.learningScale.get(l);
        for (int i = 0; i < dt.n; i++) {
          double s = scale == null ? 1 : scale[i];
          h.pendGate[i] += s * readout(lv, i, dt.releasedMass, d);
        }
        l++;
      } else if (op instanceof MemoryRelease mr) {
        memory(dt, mr);
      } else if (op instanceof ParameterRelease pr) {
        parameter(dt, pr);
      }
    }
  }

  /** G . R_i with G one shared vector (d) or a row per node (n * d). */
  static double readout(double[] g, int i, double[] releasedMass, int d) {
    int off = g.length == d ? 0 : i * d;
    double s = 0;
    for (int k = 0; k < d; k++) {
      s += g[off + k] * releasedMass[i * d + k];
    }
    return s;
  }

  private static double readoutF(float[] g, int i, double[] releasedMass, int d) {
    int off = g.length == d ? 0 : i * d;
    double s = 0;
    for (int k = 0; k < d; k++) {
      s += g[off + k] * releasedMass[i * d + k];
    }
    return s;
  }

  /** MEMORY on expected releases: k equal writes of the mean payload, k the expected count. */
  private void memory(DensityType dt, MemoryRelease mr) {
    int m = mr.m();
    int d = dt.d;
    for (int i = 0; i < dt.n; i++) {
      double r = dt.released[i];
      if (r <= 0) {
        continue;
      }
      double w = 1 - Math.pow(1 - mr.omega(), r);
      for (int row = 0; row < m; row++) {
        double acc = 0;
        for (int k = 0; k < d; k++) {
          acc += mr.q()[row * d + k] * dt.releasedMass[i * d + k];
        }
        int o = i * host.memoryDim + row;
        host.memory[o] = (1 - w) * host.memory[o] + w * acc / r;
      }
    }
  }

  /** PARAMETER on expected releases (low rank with the mean payload's outer product). */
  private void parameter(DensityType dt, ParameterRelease pr) {
    int d = dt.d;
    org.nvlab.core.graph.Graph g = host.graph;
    for (int i = 0; i < dt.n; i++) {
      double r = dt.released[i];
      if (r <= 0) {
        continue;
      }
      double s = pr.nodeScale() == null ? 1 : pr.nodeScale()[i];
      if (pr.mode() == ParameterRelease.Mode.MULTIPLICATIVE) {
        double hc = 0;
        for (int k = 0; k < d; k++) {
          hc += pr.h()[k] * dt.releasedMass[i * d + k];
        }
        double factor = 1 + s * pr.eta() * hc;
        if (pr.incoming()) {
          for (int e = g.inStart()[i]; e < g.inStart()[i + 1]; e++) {
            host.w[e] *= factor;
          }
        } else {
          for (int q = g.outStart()[i]; q < g.outStart()[i + 1]; q++) {
            host.w[g.outEdge()[q]] *= factor;
          }
        }
        continue;
      }
      double uc = 0;
      for (int k = 0; k < d; k++) {
        uc += pr.u()[i * d + k] * dt.releasedMass[i * d + k];
      }
      if (pr.incoming()) {
        for (int e = g.inStart()[i]; e < g.inStart()[i + 1]; e++) {
          int j = g.inSource()[e];
          host.w[e] += s * uc * vDot(pr, j, dt, i) / r;
        }
      } else {
        for (int q = g.outStart()[i]; q < g.outStart()[i + 1]; q++) {
          int j = g.outTarget()[q];
          host.w[g.outEdge()[q]] += s * uc * vDot(pr, j, dt, i) / r;
        }
      }
    }
    host.weightsVersion++;
  }

  private static double vDot(ParameterRelease pr, int j, DensityType dt, int i) {
    int d = dt.d;
    double s = 0;
    for (int k = 0; k < d; k++) {
      s += pr.v()[j * d + k] * dt.releasedMass[i * d + k];
    }
    return s;
  }

  /** Rebuilds every kernel at the next tick (after parameter blocks were edited mid-run). */
  public void invalidate() {
    for (DensityType dt : types) {
      dt.kernelValid = false;
    }
  }

  @Override
  public void close() {
    workers.close();
  }

  /** The index of a type by name, or -1. */
  public int typeIndex(String name) {
    return index.getOrDefault(name, -1);
  }
}
