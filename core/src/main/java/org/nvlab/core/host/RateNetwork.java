package org.nvlab.core.host;

import org.nvlab.core.graph.Graph;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.state.StateVisitor;

/**
 * The rate host: a_i = f((1 + gamma_i) * (sum_j w_ij a_j + b_i) + beta_i), input nodes clamped to
 * their stimulus.
 *
 * <p>Feed-forward mode evaluates the nodes level by level along a topological order (all nodes of a
 * level are independent, so a level runs in parallel), and the whole depth is traversed in one
 * tick. Recurrent mode updates every node synchronously from the previous tick's activations.
 *
 * <p>When the project has a task, the error signal e_i = dL/da_i of the loss L = 0.5 * sum over
 * output nodes of (a_o - y_o)^2 is computed at the end of the forward pass (backpropagated through
 * the levels in feed-forward mode; output nodes only in recurrent mode), so emission, docking and
 * kernels of the same tick read it. Learning (step 5) is gradient descent with the per-node rate
 * eta_0 * max(0, 1 + g_i): the LEARNING RULE release operator acts through g (a gate below -1
 * closes learning at the node instead of reversing it).
 */
public final class RateNetwork extends Host {
  private final Activation f;
  private final boolean recurrent;
  private final float learningRate;
  private final float[] net; // (1 + gamma) * (sum + b) + beta: the argument of f
  private final float[] previous; // recurrent mode: activations of the previous tick
  private final float[] delta; // dL/dnet
  private final int[] order; // nodes by level
  private final int[] levelStart;
  private final WorkerPool.Task recurrentTask = this::recurrentChunk;
  private final WorkerPool.Task levelTask = this::levelChunk;
  private final WorkerPool.Task learnTask = this::learnChunk;
  private int currentLevel;

  public RateNetwork(
      Graph graph,
      Activation f,
      boolean recurrent,
      float[] initialBias,
      float learningRate,
      int memoryDim,
      float modulationDecay,
      float gateDecay) {
    super(graph, memoryDim, modulationDecay, gateDecay);
    this.f = f;
    this.recurrent = recurrent;
    this.learningRate = learningRate;
    this.net = new float[n];
    this.previous = new float[n];
    this.delta = new float[n];
    if (initialBias != null) {
      System.arraycopy(initialBias, 0, bias, 0, n);
    }
    if (recurrent) {
      order = null;
      levelStart = null;
    } else {
      int[] topo = graph.topologicalOrder();
      if (topo == null) {
        throw new IllegalArgumentException(
            "a feed-forward rate network needs an acyclic graph; this graph has a cycle"
                + " (use mode 'recurrent')");
      }
      int[] level = new int[n];
      int[] inStart = graph.inStart();
      int[] inSource = graph.inSource();
      int depth = 0;
      for (int i : topo) {
        int l = 0;
        for (int k = inStart[i]; k < inStart[i + 1]; k++) {
          l = Math.max(l, level[inSource[k]] + 1);
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
  }

  public boolean recurrent() {
    return recurrent;
  }

  public Activation activationFunction() {
    return f;
  }

  @Override
  public void forward(long tick, WorkerPool pool) {
    if (recurrent) {
      System.arraycopy(activation, 0, previous, 0, n);
      pool.forEach(chunks(n), recurrentTask);
    } else {
      for (int l = 0; l + 1 < levelStart.length; l++) {
        currentLevel = l;
        int size = levelStart[l + 1] - levelStart[l];
        if (size >= 2 * NODE_CHUNK) {
          pool.forEach(chunks(size), levelTask);
        } else {
          levelRange(levelStart[l], levelStart[l + 1]);
        }
      }
    }
    computeErrors();
  }

  private void recurrentChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    int[] inStart = graph.inStart();
    int[] inSource = graph.inSource();
    for (int i = from; i < to; i++) {
      if (isInput[i]) {
        activation[i] = input[i];
        continue;
      }
      float s = bias[i];
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        s += weight[k] * previous[inSource[k]];
      }
      float z = (1f + gamma[i]) * s + beta[i];
      net[i] = z;
      activation[i] = f.apply(z);
    }
  }

  private void levelChunk(int c, int worker) {
    int from = levelStart[currentLevel] + c * NODE_CHUNK;
    int to = Math.min(levelStart[currentLevel + 1], from + NODE_CHUNK);
    levelRange(from, to);
  }

  private void levelRange(int from, int to) {
    int[] inStart = graph.inStart();
    int[] inSource = graph.inSource();
    for (int q = from; q < to; q++) {
      int i = order[q];
      if (isInput[i]) {
        activation[i] = input[i];
        continue;
      }
      float s = bias[i];
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        s += weight[k] * activation[inSource[k]];
      }
      float z = (1f + gamma[i]) * s + beta[i];
      net[i] = z;
      activation[i] = f.apply(z);
    }
  }

  /** e_i = dL/da_i and delta_i = dL/dnet-before-modulation, by reverse levels (sequential). */
  private void computeErrors() {
    if (targetCount == 0) {
      return;
    }
    double l = 0;
    for (int i = 0; i < n; i++) {
      if (hasTarget[i]) {
        float d = activation[i] - target[i];
        l += 0.5 * d * d;
      }
    }
    loss = l;
    int[] outStart = graph.outStart();
    int[] outTarget = graph.outTarget();
    int[] outEdge = graph.outEdge();
    if (recurrent) {
      for (int i = 0; i < n; i++) {
        error[i] = hasTarget[i] ? activation[i] - target[i] : 0f;
        delta[i] =
            isInput[i] ? 0f : error[i] * f.derivative(net[i], activation[i]) * (1f + gamma[i]);
      }
      return;
    }
    for (int q = n - 1; q >= 0; q--) {
      int i = order[q];
      float e = hasTarget[i] ? activation[i] - target[i] : 0f;
      for (int k = outStart[i]; k < outStart[i + 1]; k++) {
        e += weight[outEdge[k]] * delta[outTarget[k]];
      }
      error[i] = e;
      delta[i] = isInput[i] ? 0f : e * f.derivative(net[i], activation[i]) * (1f + gamma[i]);
    }
  }

  @Override
  public void learn(long tick, WorkerPool pool) {
    if (targetCount == 0 || learningRate == 0f) {
      return;
    }
    pool.forEach(chunks(n), learnTask);
    weightsChanged();
  }

  private void learnChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(n, from + NODE_CHUNK);
    int[] inStart = graph.inStart();
    int[] inSource = graph.inSource();
    float[] pre = recurrent ? previous : activation;
    for (int i = from; i < to; i++) {
      float d = delta[i];
      if (d == 0f) {
        continue;
      }
      // A gate below -1 closes learning at the node rather than reversing it (lab choice).
      float rate = learningRate * Math.max(0f, 1f + gate[i]);
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        weight[k] -= rate * d * pre[inSource[k]];
      }
      bias[i] -= rate * d;
    }
  }

  @Override
  protected void visitOwnState(StateVisitor d) {
    d.floats("net", net);
    d.floats("previous", previous);
    d.floats("delta", delta);
  }
}
