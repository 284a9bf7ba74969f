package org.nvlab.core;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.LifNetwork;
import org.nvlab.core.host.Signal;
import org.nvlab.core.process.Engine;
import org.nvlab.core.process.Globals;
import org.nvlab.core.project.CompiledProject;
import org.nvlab.core.project.CompiledProject.BoundSignal;
import org.nvlab.core.project.ProjectCompiler;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.state.StateDigest;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * The facade: load a project, step it, record its metrics, hash its state.
 *
 * <p>The project's own seed fixes its structure (graph, random keys and receptors); the run seed
 * given here drives the dynamics (emission, docking, migration, lifetimes, noise), so seeded
 * repetitions of one experiment share one network. A simulation is single-owner: one thread calls
 * {@link #step}; the engine parallelises inside the tick.
 */
public final class Simulation implements AutoCloseable {
  private CompiledProject project;
  private final Engine engine;
  private final Host host;
  private final long seed;
  private final MetricsRecorder metrics = new MetricsRecorder();
  private final RngStream scratch = new RngStream();
  private final int[] popSeries;
  private final int[] birthSeries;
  private final int[][] deathSeries;
  private final int[] dockSeries;
  private final int[] releaseSeries;
  private final int[] releasedSeries;
  private final int gammaSeries;
  private final int betaSeries;
  private final int gateSeries;
  private final int memorySeries;
  private final int activationSeries;
  private final int spikeSeries;
  private final int lossSeries;
  private final int rewardSeries;

  public Simulation(CompiledProject project, long seed, int threads) {
    this.project = project;
    this.host = project.host();
    this.seed = seed;
    Globals globals = new Globals(project.z().size());
    this.engine = new Engine(host, project.types(), globals, seed, threads);
    int k = project.types().length;
    popSeries = new int[k];
    birthSeries = new int[k];
    deathSeries = new int[k][DeathCause.COUNT];
    dockSeries = new int[k];
    releaseSeries = new int[k];
    releasedSeries = new int[k];
    for (int t = 0; t < k; t++) {
      String name = project.types()[t].name();
      popSeries[t] = metrics.series(SeriesName.of(Metric.POPULATION, name));
      birthSeries[t] = metrics.series(SeriesName.of(Metric.BIRTHS, name));
      for (DeathCause c : DeathCause.ALL) {
        deathSeries[t][c.ordinal()] = metrics.series(SeriesName.deaths(c, name));
      }
      dockSeries[t] = metrics.series(SeriesName.of(Metric.DOCKINGS, name));
      releaseSeries[t] = metrics.series(SeriesName.of(Metric.RELEASES, name));
      releasedSeries[t] = metrics.series(SeriesName.of(Metric.RELEASED_PAYLOAD, name));
    }
    activationSeries = metrics.series(SeriesName.of(Metric.MEAN_ACTIVATION));
    gammaSeries = metrics.series(SeriesName.of(Metric.MEAN_ABS_GAMMA));
    betaSeries = metrics.series(SeriesName.of(Metric.MEAN_ABS_BETA));
    gateSeries = metrics.series(SeriesName.of(Metric.MEAN_GATE));
    spikeSeries =
        host instanceof LifNetwork ? metrics.series(SeriesName.of(Metric.SPIKE_RATE)) : -1;
    memorySeries =
        host.memoryDim() > 0 ? metrics.series(SeriesName.of(Metric.MEAN_MEMORY_NORM)) : -1;
    lossSeries = host.hasTask() ? metrics.series(SeriesName.of(Metric.LOSS)) : -1;
    rewardSeries =
        project.reward() != null || project.rewardFromTask()
            ? metrics.series(SeriesName.of(Metric.REWARD))
            : -1;
  }

  /** Reads, checks and compiles a project folder or file. */
  public static Simulation load(Path project, Long seed, int threads) throws ProjectException {
    ProjectSpec spec = ProjectReader.read(project);
    CompiledProject c = ProjectCompiler.compile(spec);
    return new Simulation(c, seed != null ? seed : spec.seed(), threads);
  }

  /**
   * Why this run cannot take {@code next}'s rules at its next tick, or null when it can (see {@link
   * #applyRules}).
   */
  public String incompatibility(CompiledProject next) {
    if (next.host().nodeCount() != host.nodeCount()
        || next.host().graph().edgeCount() != host.graph().edgeCount()) {
      return "the host network changed";
    }
    if (next.z().size() != project.z().size()) {
      return "the number of conditioning signals z changed";
    }
    return engine.incompatibility(next.types());
  }

  /**
   * Takes a changed project's vesicle-type rules at the next tick, keeping the vesicles alive, the
   * host's state and the metrics so far (an edit in the window while the run goes on). Only rules
   * change: the host, its signals and the globals stay those of the running project, so {@code
   * next} must differ from it in vesicle-type rules only ({@code ProjectDocument.effect} says
   * LIVE); what can be checked here is checked (node and edge counts, the types' names and
   * dimensions). {@code next}'s own host is not used. Call it between two ticks, on the thread that
   * steps. The run stays reproducible: the same edits at the same ticks give the same states, for
   * any number of threads.
   *
   * @throws IllegalArgumentException when {@link #incompatibility} names a reason
   */
  public void applyRules(CompiledProject next) {
    String why = incompatibility(next);
    if (why != null) {
      throw new IllegalArgumentException(why + "; that needs a new run (reset)");
    }
    engine.replaceTypes(next.types());
    project =
        new CompiledProject(
            next.spec(),
            host,
            next.types(),
            project.inputs(),
            project.targets(),
            project.reward(),
            project.rewardFromTask(),
            project.task(),
            project.z());
  }

  /** One tick: inputs and globals for this tick, steps 1-5, then recording (step 6). */
  public void step() {
    int t = engine.tickCount();
    applySignals(t);
    engine.tick();
    record(t);
  }

  public void run(int ticks) {
    metrics.reserve(ticks);
    for (int i = 0; i < ticks; i++) {
      step();
    }
  }

  private void applySignals(int t) {
    List<BoundSignal> inputs = project.inputs();
    float[] in = host.input();
    for (int b = 0; b < inputs.size(); b++) {
      BoundSignal bs = inputs.get(b);
      int[] nodes = bs.nodes();
      for (int c = 0; c < nodes.length; c++) {
        in[nodes[c]] = (float) bs.signal().value(seed, t, c, b, scratch);
      }
    }
    List<BoundSignal> targets = project.targets();
    float[] y = host.target();
    for (int b = 0; b < targets.size(); b++) {
      BoundSignal bs = targets.get(b);
      int[] nodes = bs.nodes();
      for (int c = 0; c < nodes.length; c++) {
        y[nodes[c]] = (float) bs.signal().value(seed, t, c, 1000 + b, scratch);
      }
    }
    Globals g = engine.globals();
    double reward =
        project.rewardFromTask()
            ? -host.loss()
            : project.reward() != null ? project.reward().value(seed, t, 0, 2000, scratch) : 0;
    g.set(reward, project.task());
    List<Signal> z = project.z();
    for (int k = 0; k < z.size(); k++) {
      g.z()[k] = z.get(k).value(seed, t, k, 3000, scratch);
    }
  }

  private void record(int t) {
    Population pop = engine.population();
    metrics.begin(t);
    for (int k = 0; k < popSeries.length; k++) {
      metrics.set(popSeries[k], pop.pool(k).size());
      metrics.set(birthSeries[k], pop.births(k));
      for (int c = 0; c < DeathCause.COUNT; c++) {
        metrics.set(deathSeries[k][c], pop.deaths(k, DeathCause.of(c)));
      }
      metrics.set(dockSeries[k], pop.dockings(k));
      metrics.set(releaseSeries[k], pop.releases(k));
      metrics.set(releasedSeries[k], pop.releasedPayload(k));
    }
    int n = host.nodeCount();
    double a = 0;
    double gm = 0;
    double bt = 0;
    double gt = 0;
    double sp = 0;
    float[] act = host.activation();
    float[] gamma = host.gamma();
    float[] beta = host.beta();
    float[] gate = host.gate();
    float[] spike = host.spike();
    for (int i = 0; i < n; i++) {
      a += act[i];
      gm += Math.abs(gamma[i]);
      bt += Math.abs(beta[i]);
      gt += gate[i];
      sp += spike[i];
    }
    metrics.set(activationSeries, a / n);
    metrics.set(gammaSeries, gm / n);
    metrics.set(betaSeries, bt / n);
    metrics.set(gateSeries, gt / n);
    if (spikeSeries >= 0) {
      metrics.set(spikeSeries, sp / n);
    }
    if (memorySeries >= 0) {
      metrics.set(memorySeries, meanMemoryNorm());
    }
    if (lossSeries >= 0) {
      metrics.set(lossSeries, host.loss());
    }
    if (rewardSeries >= 0) {
      metrics.set(rewardSeries, engine.globals().reward());
    }
    metrics.commit();
  }

  /** Mean over nodes of |M_i|, the length of each node's memory trace. */
  private double meanMemoryNorm() {
    int m = host.memoryDim();
    float[] memory = host.memory();
    int n = host.nodeCount();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double sq = 0;
      for (int k = i * m, end = k + m; k < end; k++) {
        sq += (double) memory[k] * memory[k];
      }
      sum += Math.sqrt(sq);
    }
    return sum / n;
  }

  /**
   * SHA-256 over the full state: tick, id counter, every host array, and every vesicle's id,
   * location, expiry, payload, state and dwell, in id order (so the hash does not depend on where
   * vesicles sit in memory).
   */
  public String stateHash() {
    StateDigest d = new StateDigest();
    d.value("tick", engine.tickCount());
    d.value("nextId", engine.population().nextId());
    host.digest(d);
    Population pop = engine.population();
    for (int k = 0; k < pop.typeCount(); k++) {
      Pool p = pop.pool(k);
      int[] order = p.slotsById();
      int m = order.length;
      long[] ids = new long[m];
      int[] node = new int[m];
      int[] expiry = new int[m];
      int[] dwell = new int[m];
      int dd = p.payloadDim();
      int pp = p.stateDim();
      float[] payload = new float[m * dd];
      float[] state = new float[m * pp];
      for (int q = 0; q < m; q++) {
        int s = order[q];
        ids[q] = p.id()[s];
        node[q] = p.node()[s];
        expiry[q] = p.expiry()[s];
        dwell[q] = p.dwelling() ? p.dwell()[s] : 0;
        System.arraycopy(p.payload(), s * dd, payload, q * dd, dd);
        System.arraycopy(p.state(), s * pp, state, q * pp, pp);
      }
      String t = "type" + k + ".";
      d.longs(t + "id", ids, m);
      d.ints(t + "node", node, m);
      d.ints(t + "expiry", expiry, m);
      d.ints(t + "dwell", dwell, m);
      d.floats(t + "payload", payload);
      d.floats(t + "state", state);
    }
    return d.hex();
  }

  /** Live vesicles per type name. */
  public Map<String, Long> populationByType() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < engine.typeCount(); k++) {
      out.put(engine.type(k).name(), (long) engine.population().pool(k).size());
    }
    return out;
  }

  public int tick() {
    return engine.tickCount();
  }

  public long seed() {
    return seed;
  }

  public Engine engine() {
    return engine;
  }

  public Host host() {
    return host;
  }

  public CompiledProject project() {
    return project;
  }

  public MetricsRecorder metrics() {
    return metrics;
  }

  @Override
  public void close() {
    engine.close();
  }
}
