package org.nvlab.core.host;

import org.nvlab.core.graph.Graph;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.state.StateVisitor;

/**
 * The host network of SPEC section 1: node state arrays over a {@link Graph}, and the two steps of
 * the tick that belong to the host: the forward pass (step 1) and learning (step 5).
 *
 * <p>Releases never write the modulation buffers directly: they add to the {@code pending*} arrays
 * during step 3, and step 4 ({@link #decayModulation}) sets gamma = rho_mod * gamma + pending
 * (likewise beta, the threshold shift, and the gate with rho_g). So rho = 0 gives the dense,
 * instantaneous limit: the next forward pass sees exactly this tick's releases (lab choice,
 * docs/model.md).
 *
 * <p>Arrays are exposed for the engine's processes, which run in other packages; callers outside
 * the engine read snapshots instead.
 */
public abstract sealed class Host permits RateNetwork, LifNetwork {
  /** Nodes per parallel work item: large enough that scheduling costs nothing. */
  protected static final int NODE_CHUNK = 4096;

  protected final Graph graph;
  protected final int n;
  protected final float[] weight;
  protected final float[] activation;
  protected final float[] bias;
  protected final float[] error;
  protected final float[] gate;
  protected final float[] gamma;
  protected final float[] beta;
  protected final float[] thresholdShift;
  protected final float[] spike;
  protected final float[] memory;
  protected final int memoryDim;
  protected final float[] input;
  protected final boolean[] isInput;
  protected final float[] target;
  protected final boolean[] hasTarget;
  protected final float[] pendingGamma;
  protected final float[] pendingBeta;
  protected final float[] pendingThreshold;
  protected final float[] pendingGate;
  protected final float modulationDecay;
  protected final float gateDecay;
  protected int targetCount;
  protected double loss;
  private int weightsVersion;
  private final WorkerPool.Task decayTask = this::decayChunk;

  protected Host(Graph graph, int memoryDim, float modulationDecay, float gateDecay) {
    this.graph = graph;
    this.n = graph.nodeCount();
    this.weight = graph.initialWeights();
    this.activation = new float[n];
    this.bias = new float[n];
    this.error = new float[n];
    this.gate = new float[n];
    this.gamma = new float[n];
    this.beta = new float[n];
    this.thresholdShift = new float[n];
    this.spike = new float[n];
    this.memoryDim = memoryDim;
    this.memory = new float[n * memoryDim];
    this.input = new float[n];
    this.isInput = new boolean[n];
    this.target = new float[n];
    this.hasTarget = new boolean[n];
    this.pendingGamma = new float[n];
    this.pendingBeta = new float[n];
    this.pendingThreshold = new float[n];
    this.pendingGate = new float[n];
    this.modulationDecay = modulationDecay;
    this.gateDecay = gateDecay;
  }

  /** Step 1: activations (rate) or membrane and spikes (LIF), then the error signals. */
  public abstract void forward(long tick, WorkerPool pool);

  /** Step 5: host weight learning, gated per node by the plasticity gate g. */
  public abstract void learn(long tick, WorkerPool pool);

  /** The host kind's own state (membranes, traces), for the state hash and checkpoints. */
  protected abstract void visitOwnState(StateVisitor v);

  /** Step 4: modulation buffers decay and take this tick's releases. */
  public void decayModulation(WorkerPool pool) {
    pool.forEach(chunks(n), decayTask);
  }

  private void decayChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    float rm = modulationDecay;
    float rg = gateDecay;
    for (int i = from; i < to; i++) {
      gamma[i] = rm * gamma[i] + pendingGamma[i];
      beta[i] = rm * beta[i] + pendingBeta[i];
      thresholdShift[i] = rm * thresholdShift[i] + pendingThreshold[i];
      gate[i] = rg * gate[i] + pendingGate[i];
      pendingGamma[i] = 0;
      pendingBeta[i] = 0;
      pendingThreshold[i] = 0;
      pendingGate[i] = 0;
    }
  }

  protected static int chunks(int count) {
    return (count + NODE_CHUNK - 1) / NODE_CHUNK;
  }

  /** Marks node i as an input node: its external input is set each tick by the stimulus. */
  void markInput(int i) {
    isInput[i] = true;
  }

  /** Marks node i as a task output with a target value set each tick. */
  void markTarget(int i) {
    if (!hasTarget[i]) {
      hasTarget[i] = true;
      targetCount++;
    }
  }

  /** Records that weights changed, so kernels that read weights rebuild their tables. */
  public void weightsChanged() {
    weightsVersion++;
  }

  public int weightsVersion() {
    return weightsVersion;
  }

  /**
   * Shows every part of this host's state that a later tick reads to a visitor (the state hash, a
   * checkpoint being written or read back), in one fixed order. Inputs and targets are not state:
   * the simulation sets them before each tick. The task loss is: with reward "task", the next
   * tick's reward is minus this tick's loss.
   */
  public void visit(StateVisitor v) {
    v.floats("weight", weight);
    v.floats("activation", activation);
    v.floats("bias", bias);
    v.floats("error", error);
    v.floats("gate", gate);
    v.floats("gamma", gamma);
    v.floats("beta", beta);
    v.floats("thresholdShift", thresholdShift);
    v.floats("spike", spike);
    v.floats("memory", memory);
    visitOwnState(v);
    loss = v.real("loss", loss);
  }

  public Graph graph() {
    return graph;
  }

  public int nodeCount() {
    return n;
  }

  public float[] weight() {
    return weight;
  }

  public float[] activation() {
    return activation;
  }

  public float[] bias() {
    return bias;
  }

  public float[] error() {
    return error;
  }

  public float[] gate() {
    return gate;
  }

  public float[] gamma() {
    return gamma;
  }

  public float[] beta() {
    return beta;
  }

  public float[] thresholdShift() {
    return thresholdShift;
  }

  /** 1 where the node spiked this tick (LIF); the rate host reports 0. */
  public float[] spike() {
    return spike;
  }

  /** Memory traces, {@code memoryDim} floats per node. */
  public float[] memory() {
    return memory;
  }

  public int memoryDim() {
    return memoryDim;
  }

  public float[] input() {
    return input;
  }

  public boolean[] isInput() {
    return isInput;
  }

  public float[] target() {
    return target;
  }

  public boolean[] hasTarget() {
    return hasTarget;
  }

  public float[] pendingGamma() {
    return pendingGamma;
  }

  public float[] pendingBeta() {
    return pendingBeta;
  }

  public float[] pendingThreshold() {
    return pendingThreshold;
  }

  public float[] pendingGate() {
    return pendingGate;
  }

  /** The task loss of the last forward pass (0.5 * sum of squared output errors), or 0. */
  public double loss() {
    return loss;
  }

  public boolean hasTask() {
    return targetCount > 0;
  }
}
