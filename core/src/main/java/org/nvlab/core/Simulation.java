package org.nvlab.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nvlab.core.Model.BoundSignal;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.Signal;
import org.nvlab.core.observe.Observer;
import org.nvlab.core.observe.SimulationView;
import org.nvlab.core.process.Engine;
import org.nvlab.core.process.Globals;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.state.StateDigest;
import org.nvlab.core.state.StateVisitor;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * One running instance of a {@link Model} (made by {@link Model#instantiate}): its own host, its
 * own population, its tick, its seed. Step it, let observers watch it, take new rules while it
 * runs, hash or checkpoint its state. Nothing outside the engine changes a run but through the
 * methods here; everyone else reads it as a {@link SimulationView}.
 *
 * <p>A simulation is single-owner: one thread calls {@link #step} and the other methods that change
 * it; the engine parallelises inside the tick. Observers are called on that thread after each tick.
 */
public final class Simulation implements SimulationView, AutoCloseable {
  private Model model;
  private final Engine engine;
  private final Host host;
  private final long seed;
  private final RngStream scratch = new RngStream();
  private final List<Observer> observers = new ArrayList<>();
  private Observer[] watching = new Observer[0];
  private int revision;

  Simulation(Model model, long seed, int threads) {
    this.model = model;
    this.host = model.host().build();
    this.seed = seed;
    this.engine = new Engine(host, model.types(), new Globals(model.z().size()), seed, threads);
  }

  /** One tick: inputs and globals for this tick, steps 1-5, then the observers (step 6). */
  public void step() {
    int t = engine.tickCount();
    applySignals(t);
    engine.tick();
    for (Observer o : watching) {
      o.ticked(this);
    }
  }

  public void run(int ticks) {
    for (int i = 0; i < ticks; i++) {
      step();
    }
  }

  /** Attaches an observer (called after every tick from now on) and returns it. */
  public <T extends Observer> T observe(T observer) {
    observers.add(observer);
    watching = observers.toArray(new Observer[0]);
    observer.attached(this);
    return observer;
  }

  /** Detaches an observer; false when it was not attached. */
  public boolean unobserve(Observer observer) {
    boolean was = observers.remove(observer);
    watching = observers.toArray(new Observer[0]);
    if (was) {
      observer.detached(this);
    }
    return was;
  }

  /** The observers attached, in the order they are called. */
  public List<Observer> observers() {
    return List.copyOf(observers);
  }

  /**
   * Takes another model's vesicle-type rules at the next tick, keeping the vesicles alive, the
   * host's state and everything observed so far (an edit in the window while the run goes on).
   * {@link ModelChange#between} decides whether it can: the host, its signals and the project seed
   * must be the running model's, and every type keep its name, dimensions and dwelling. The run
   * stays reproducible: the same rules taken at the same ticks give the same states, for any number
   * of threads.
   *
   * @return what the change was (nothing, or live)
   * @throws IllegalArgumentException when the change needs a new run, with the reason
   */
  public ModelChange takeRules(Model next) {
    ModelChange c = ModelChange.between(model, next);
    if (!c.live()) {
      throw new IllegalArgumentException(c.reason() + "; that needs a new run (reset)");
    }
    if (c.kind() == ModelChange.Kind.LIVE) {
      engine.replaceTypes(next.types());
      revision++;
    }
    model = next;
    if (c.kind() == ModelChange.Kind.LIVE) {
      for (Observer o : watching) {
        o.rulesChanged(this);
      }
    }
    return c;
  }

  private void applySignals(int t) {
    List<BoundSignal> inputs = model.inputs();
    float[] in = host.input();
    for (int b = 0; b < inputs.size(); b++) {
      BoundSignal bs = inputs.get(b);
      int[] nodes = bs.nodes();
      for (int c = 0; c < nodes.length; c++) {
        in[nodes[c]] = (float) bs.signal().value(seed, t, c, b, scratch);
      }
    }
    List<BoundSignal> targets = model.targets();
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
        model.rewardFromTask()
            ? -host.loss()
            : model.reward() != null ? model.reward().value(seed, t, 0, 2000, scratch) : 0;
    g.set(reward, model.task());
    List<Signal> z = model.z();
    for (int k = 0; k < z.size(); k++) {
      g.z()[k] = z.get(k).value(seed, t, k, 3000, scratch);
    }
  }

  /**
   * SHA-256 over the full state: the tick, the host's arrays and the population (the id counter,
   * the last tick's counts, every vesicle's id, location, expiry, dwell, payload and state, in id
   * order, so the hash does not depend on where vesicles sit in memory).
   */
  public String stateHash() {
    StateDigest d = new StateDigest();
    engine.visit(d);
    return d.hex();
  }

  /**
   * Shows the run's whole state to a visitor that reads it (a checkpoint being written). To put a
   * saved state back, see {@link #restore}.
   */
  public void visitState(StateVisitor v) {
    if (v.restoring()) {
      throw new IllegalArgumentException("a restoring visitor goes through restore()");
    }
    engine.visit(v);
  }

  /**
   * Puts a saved state back into this run, which must be a fresh instance of the model that saved
   * it (same structure and rules): the tick, the host, every vesicle in its slot. The observers are
   * told they now watch the run at its new tick.
   *
   * @param revision the number of live rule changes the saved run had taken
   */
  public void restore(StateVisitor saved, int revision) {
    if (!saved.restoring()) {
      throw new IllegalArgumentException("restore() needs a visitor that fills the state");
    }
    engine.visit(saved);
    this.revision = revision;
    for (Observer o : watching) {
      o.attached(this);
    }
  }

  /** Live vesicles per type name. */
  public Map<String, Long> populationByType() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < engine.typeCount(); k++) {
      out.put(engine.type(k).name(), (long) engine.population().pool(k).size());
    }
    return out;
  }

  /** The model whose rules the run follows now (the one it began with, or the last it took). */
  public Model model() {
    return model;
  }

  /** Engine threads. */
  public int threads() {
    return engine.threads();
  }

  /** Nanoseconds spent in each phase of the tick since the start (or the last reset). */
  public long[] phaseNanos() {
    return engine.phaseNanos();
  }

  public void resetPhaseTimes() {
    engine.resetPhaseTimes();
  }

  /** Heap bytes the population's arrays hold. */
  public long populationHeapBytes() {
    return engine.population().heapBytes();
  }

  /** All live vesicles. */
  public long vesicles() {
    return engine.population().size();
  }

  /** The engine, for the engine's own tests (package-private: no one else may reach it). */
  Engine engine() {
    return engine;
  }

  /** The host, for the engine's own tests (package-private). */
  Host host() {
    return host;
  }

  @Override
  public void close() {
    engine.close();
  }

  // ---------------------------------------------------------------- SimulationView

  @Override
  public int tick() {
    return engine.tickCount();
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public int revision() {
    return revision;
  }

  @Override
  public ProjectSpec spec() {
    return model.spec();
  }

  @Override
  public Graph graph() {
    return host.graph();
  }

  @Override
  public int nodeCount() {
    return host.nodeCount();
  }

  @Override
  public boolean spiking() {
    return model.host().spiking();
  }

  @Override
  public int memoryDim() {
    return host.memoryDim();
  }

  @Override
  public boolean hasTask() {
    return host.hasTask();
  }

  @Override
  public boolean hasReward() {
    return model.hasReward();
  }

  @Override
  public float activation(int node) {
    return host.activation()[node];
  }

  @Override
  public float error(int node) {
    return host.error()[node];
  }

  @Override
  public float gamma(int node) {
    return host.gamma()[node];
  }

  @Override
  public float beta(int node) {
    return host.beta()[node];
  }

  @Override
  public float gate(int node) {
    return host.gate()[node];
  }

  @Override
  public float spike(int node) {
    return host.spike()[node];
  }

  @Override
  public float memory(int node, int k) {
    return host.memory()[node * host.memoryDim() + k];
  }

  @Override
  public float weight(int edge) {
    return host.weight()[edge];
  }

  @Override
  public int weightsVersion() {
    return host.weightsVersion();
  }

  @Override
  public double loss() {
    return host.loss();
  }

  @Override
  public double reward() {
    return engine.globals().reward();
  }

  @Override
  public void copyActivation(float[] into) {
    System.arraycopy(host.activation(), 0, into, 0, host.nodeCount());
  }

  @Override
  public void copyGamma(float[] into) {
    System.arraycopy(host.gamma(), 0, into, 0, host.nodeCount());
  }

  @Override
  public void copySpike(float[] into) {
    System.arraycopy(host.spike(), 0, into, 0, host.nodeCount());
  }

  @Override
  public void copyWeights(float[] into) {
    System.arraycopy(host.weight(), 0, into, 0, host.weight().length);
  }

  @Override
  public int typeCount() {
    return engine.typeCount();
  }

  @Override
  public String typeName(int type) {
    return engine.type(type).name();
  }

  @Override
  public int typeIndex(String name) {
    return model.typeIndex(name);
  }

  @Override
  public int payloadDim(int type) {
    return engine.type(type).payloadDim();
  }

  @Override
  public int stateDim(int type) {
    return engine.type(type).stateDim();
  }

  @Override
  public int dwellTicks(int type) {
    return engine.type(type).docking().dwellTicks();
  }

  private Pool pool(int type) {
    return engine.population().pool(type);
  }

  @Override
  public int vesicleCount(int type) {
    return pool(type).size();
  }

  @Override
  public long births(int type) {
    return engine.population().births(type);
  }

  @Override
  public long deaths(int type, DeathCause cause) {
    return engine.population().deaths(type, cause);
  }

  @Override
  public long dockings(int type) {
    return engine.population().dockings(type);
  }

  @Override
  public long releases(int type) {
    return engine.population().releases(type);
  }

  @Override
  public double releasedPayload(int type) {
    return engine.population().releasedPayload(type);
  }

  @Override
  public int vesicleNode(int type, int slot) {
    return pool(type).node()[slot];
  }

  @Override
  public long vesicleId(int type, int slot) {
    return pool(type).id()[slot];
  }

  @Override
  public int vesicleExpiry(int type, int slot) {
    return pool(type).expiry()[slot];
  }

  @Override
  public int vesicleDwell(int type, int slot) {
    Pool p = pool(type);
    return p.dwelling() ? p.dwell()[slot] : 0;
  }

  @Override
  public float payload(int type, int slot, int component) {
    Pool p = pool(type);
    return p.payload()[slot * p.payloadDim() + component];
  }

  @Override
  public float state(int type, int slot, int component) {
    Pool p = pool(type);
    return p.state()[slot * p.stateDim() + component];
  }

  @Override
  public int slotOf(int type, long id) {
    Pool p = pool(type);
    long[] ids = p.id();
    int[] at = p.node();
    for (int s = 0, n = p.size(); s < n; s++) {
      if (ids[s] == id && at[s] != Pool.DEAD) {
        return s;
      }
    }
    return -1;
  }

  @Override
  public void copyNodes(int type, int[] into, int count) {
    System.arraycopy(pool(type).node(), 0, into, 0, count);
  }

  @Override
  public void copyIds(int type, long[] into, int count) {
    System.arraycopy(pool(type).id(), 0, into, 0, count);
  }

  @Override
  public void countByNode(int type, double[] counts) {
    pool(type).countByNode(counts);
  }

  @Override
  public int releaseCount(int type) {
    return engine.releaseCount(type);
  }

  @Override
  public int releaseNodes(int type, int[] into) {
    return engine.releaseNodes(type, into);
  }

  @Override
  public double[] kernelRow(int type, int node) {
    return engine.kernelRow(type, node);
  }

  @Override
  public int[] kernelDestinations(int type, int node) {
    return engine.kernelDestinations(type, node);
  }

  @Override
  public String toString() {
    return "Simulation["
        + model.name()
        + ", seed "
        + seed
        + ", tick "
        + tick()
        + ", "
        + vesicles()
        + " vesicles]";
  }
}
