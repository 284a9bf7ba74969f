package org.nvlab.core.host;

import org.nvlab.core.graph.Graph;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.state.StateVisitor;

/**
 * The leaky integrate-and-fire host of SPEC section 1.
 *
 * <p>Per tick and node: v <- v + dt/tau_m * (v_rest - v) + I, with I = (1 + gamma) * sum_j w_ij x_j
 * + beta + input, where x_j is the presynaptic spike of the previous tick, or its synaptic trace
 * when tau_syn > 0. A spike fires when v >= theta + thresholdShift (the ACTIVATION release shifts
 * both gain and threshold), then v <- v_reset for {@code refractoryTicks}. The node's "activation"
 * is its firing-rate trace (spikes filtered with tau_rate), so rules written over activations read
 * the same quantity in both hosts.
 *
 * <p>Learning is the three-factor rule: an eligibility trace per edge, elig_ij <- elig_ij *
 * exp(-dt/tau_e) + A_plus * pre_j * s_i - A_minus * post_i * s_j (pre/post are exponential spike
 * traces at this tick, before its own spikes are added), and Delta w_ij = eta * g_i * elig_ij, with
 * g_i the plasticity gate that LEARNING RULE releases write. Weights are clipped to [wMin, wMax].
 */
public final class LifNetwork extends Host {

  /** The neuron and plasticity constants (times in ticks of length dt). */
  public record Params(
      float dt,
      float tauMembrane,
      float vRest,
      float vReset,
      float threshold,
      int refractoryTicks,
      float tauSynapse,
      float tauRate,
      float stdpRate,
      float aPlus,
      float aMinus,
      float tauPlus,
      float tauMinus,
      float tauEligibility,
      float wMin,
      float wMax) {}

  private final Params p;
  private final float[] v;
  private final int[] refractory;
  private final float[] synTrace; // per presynaptic node: filtered spikes (or last spikes)
  private final float[] preTrace;
  private final float[] postTrace;
  private final float[] eligibility; // per edge
  private final float leak;
  private final float synDecay;
  private final float rateDecay;
  private final float plusDecay;
  private final float minusDecay;
  private final float eligDecay;
  private final WorkerPool.Task membraneTask = this::membraneChunk;
  private final WorkerPool.Task traceTask = this::traceChunk;
  private final WorkerPool.Task learnTask = this::learnChunk;
  private boolean learning;

  public LifNetwork(Graph graph, Params p, int memoryDim, float modulationDecay, float gateDecay) {
    super(graph, memoryDim, modulationDecay, gateDecay);
    this.p = p;
    this.v = new float[n];
    this.refractory = new int[n];
    this.synTrace = new float[n];
    this.preTrace = new float[n];
    this.postTrace = new float[n];
    this.eligibility = new float[graph.edgeCount()];
    this.leak = p.dt() / p.tauMembrane();
    this.synDecay = p.tauSynapse() > 0 ? (float) Math.exp(-p.dt() / p.tauSynapse()) : 0f;
    this.rateDecay = (float) Math.exp(-p.dt() / Math.max(1e-6f, p.tauRate()));
    this.plusDecay = (float) Math.exp(-p.dt() / Math.max(1e-6f, p.tauPlus()));
    this.minusDecay = (float) Math.exp(-p.dt() / Math.max(1e-6f, p.tauMinus()));
    this.eligDecay = (float) Math.exp(-p.dt() / Math.max(1e-6f, p.tauEligibility()));
    this.learning = p.stdpRate() != 0f;
    java.util.Arrays.fill(v, p.vRest());
  }

  public Params params() {
    return p;
  }

  /** Membrane potentials. */
  public float[] membrane() {
    return v;
  }

  /** Per-edge eligibility traces of the three-factor rule. */
  public float[] eligibility() {
    return eligibility;
  }

  @Override
  public void forward(long tick, WorkerPool pool) {
    pool.forEach(chunks(n), membraneTask);
    pool.forEach(chunks(n), traceTask);
    if (targetCount > 0) {
      double l = 0;
      for (int i = 0; i < n; i++) {
        error[i] = hasTarget[i] ? activation[i] - target[i] : 0f;
        l += 0.5 * error[i] * error[i];
      }
      loss = l;
    }
  }

  /** Integrates every membrane from the previous tick's presynaptic traces (synchronous). */
  private void membraneChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    int[] inStart = graph.inStart();
    int[] inSource = graph.inSource();
    for (int i = from; i < to; i++) {
      if (refractory[i] > 0) {
        refractory[i]--;
        v[i] = p.vReset();
        spike[i] = 0f;
        continue;
      }
      float s = 0f;
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        s += weight[k] * synTrace[inSource[k]];
      }
      float current = (1f + gamma[i]) * s + beta[i] + input[i];
      float vi = v[i] + leak * (p.vRest() - v[i]) + current;
      if (vi >= p.threshold() + thresholdShift[i]) {
        spike[i] = 1f;
        v[i] = p.vReset();
        refractory[i] = p.refractoryTicks();
      } else {
        spike[i] = 0f;
        v[i] = vi;
      }
    }
  }

  /** After all membranes moved: the traces read by the next tick and by plasticity. */
  private void traceChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    for (int i = from; i < to; i++) {
      float s = spike[i];
      synTrace[i] = synDecay * synTrace[i] + s;
      activation[i] = rateDecay * activation[i] + (1f - rateDecay) * s;
    }
  }

  @Override
  public void learn(long tick, WorkerPool pool) {
    if (!learning) {
      return;
    }
    // Traces decay to this tick before the eligibility step reads them and take this tick's
    // spikes after it: a pair t_pre < t_post adds A_plus * exp(-(t_post - t_pre) / tau_plus), the
    // pair window. Decaying after the read made every pair one tick too strong (and unbalanced
    // A_plus tau_plus against A_minus tau_minus). A same-tick pre and post pair adds nothing.
    for (int i = 0; i < n; i++) {
      preTrace[i] *= plusDecay;
      postTrace[i] *= minusDecay;
    }
    pool.forEach(chunks(n), learnTask);
    for (int i = 0; i < n; i++) {
      preTrace[i] += spike[i];
      postTrace[i] += spike[i];
    }
    weightsChanged();
  }

  private void learnChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    int[] inStart = graph.inStart();
    int[] inSource = graph.inSource();
    float eta = p.stdpRate();
    for (int i = from; i < to; i++) {
      float post = spike[i];
      float third = eta * gate[i];
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        int j = inSource[k];
        float el =
            eligDecay * eligibility[k]
                + p.aPlus() * preTrace[j] * post
                - p.aMinus() * postTrace[i] * spike[j];
        eligibility[k] = el;
        if (third != 0f) {
          float w = weight[k] + third * el;
          weight[k] = Math.max(p.wMin(), Math.min(p.wMax(), w));
        }
      }
    }
  }

  @Override
  protected void visitOwnState(StateVisitor d) {
    d.floats("v", v);
    d.ints("refractory", refractory, n);
    d.floats("synTrace", synTrace);
    d.floats("preTrace", preTrace);
    d.floats("postTrace", postTrace);
    d.floats("eligibility", eligibility);
  }
}
