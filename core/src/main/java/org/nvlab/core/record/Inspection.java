package org.nvlab.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Host;
import org.nvlab.core.vesicle.Pool;

/**
 * What an inspector shows about one node or one vesicle after a tick: immutable copies made on the
 * thread that steps the simulation (like {@link Snapshot}), for any thread to read.
 */
public final class Inspection {
  private Inspection() {}

  /** A vesicle at a node, as listed in a node's detail. */
  public record Here(int type, String typeName, long id, boolean docked) {}

  /**
   * One node: its host state and the vesicles on it.
   *
   * @param here up to the requested number of vesicles at the node (docked first), in pool order
   * @param hereCount all vesicles at the node
   */
  public record NodeDetail(
      int tick,
      int node,
      int inDegree,
      int outDegree,
      float activation,
      float error,
      float gamma,
      float beta,
      float gate,
      float spike,
      float[] memory,
      List<Here> here,
      int hereCount) {
    public NodeDetail {
      memory = memory.clone();
      here = List.copyOf(here);
    }

    @Override
    public float[] memory() {
      return memory.clone();
    }
  }

  /**
   * One vesicle, v = (c, kappa, l, tau, s) in the paper's words, and the nodes it has been at.
   *
   * @param ticksLeft tau: ticks until its lifetime ends
   * @param dwellLeft releases left while docked (0 when not docked)
   * @param path the nodes it was at, oldest first, since it was first inspected (at most the
   *     inspector's limit)
   */
  public record VesicleDetail(
      int tick,
      long id,
      int type,
      String typeName,
      int node,
      boolean docked,
      int ticksLeft,
      int dwellLeft,
      float[] payload,
      float[] state,
      int[] path) {
    public VesicleDetail {
      payload = payload.clone();
      state = state.clone();
      path = path.clone();
    }

    @Override
    public float[] payload() {
      return payload.clone();
    }

    @Override
    public float[] state() {
      return state.clone();
    }

    @Override
    public int[] path() {
      return path.clone();
    }

    /** |c|, the payload's length. */
    public double payloadNorm() {
      double s = 0;
      for (float c : payload) {
        s += (double) c * c;
      }
      return Math.sqrt(s);
    }
  }

  /** A node's detail, with at most {@code maxVesicles} of the vesicles there listed. */
  public static NodeDetail node(Simulation sim, int node, int maxVesicles) {
    Host host = sim.host();
    Graph g = host.graph();
    if (node < 0 || node >= host.nodeCount()) {
      throw new IllegalArgumentException(
          "node " + node + " does not exist (the graph has " + host.nodeCount() + " nodes)");
    }
    int m = host.memoryDim();
    float[] memory = Arrays.copyOfRange(host.memory(), node * m, node * m + m);
    List<Here> docked = new ArrayList<>();
    List<Here> moving = new ArrayList<>();
    int count = 0;
    for (int k = 0; k < sim.engine().typeCount(); k++) {
      Pool pool = sim.engine().population().pool(k);
      String name = sim.engine().type(k).name();
      int[] at = pool.node();
      long[] id = pool.id();
      for (int s = 0; s < pool.size(); s++) {
        int n = at[s];
        if (n == node || (n < 0 && n != Pool.DEAD && ~n == node)) {
          count++;
          Here h = new Here(k, name, id[s], n < 0);
          (n < 0 ? docked : moving).add(h);
        }
      }
    }
    List<Here> here = new ArrayList<>(docked);
    here.addAll(moving);
    return new NodeDetail(
        sim.tick(),
        node,
        g.inStart()[node + 1] - g.inStart()[node],
        g.outStart()[node + 1] - g.outStart()[node],
        host.activation()[node],
        host.error()[node],
        host.gamma()[node],
        host.beta()[node],
        host.gate()[node],
        host.spike()[node],
        memory,
        here.subList(0, Math.min(maxVesicles, here.size())),
        count);
  }

  /** Where a vesicle is: its type and slot, or null when no live vesicle has that id. */
  public static int[] find(Simulation sim, long vesicleId) {
    for (int k = 0; k < sim.engine().typeCount(); k++) {
      Pool pool = sim.engine().population().pool(k);
      long[] id = pool.id();
      int[] at = pool.node();
      for (int s = 0; s < pool.size(); s++) {
        if (id[s] == vesicleId && at[s] != Pool.DEAD) {
          return new int[] {k, s};
        }
      }
    }
    return null;
  }

  /** A vesicle's detail, or null when it is gone (docked and consumed, expired, absorbed). */
  public static VesicleDetail vesicle(Simulation sim, long vesicleId, int[] path) {
    int[] where = find(sim, vesicleId);
    if (where == null) {
      return null;
    }
    int k = where[0];
    int s = where[1];
    Pool pool = sim.engine().population().pool(k);
    int d = pool.payloadDim();
    int p = pool.stateDim();
    int n = pool.node()[s];
    return new VesicleDetail(
        sim.tick(),
        vesicleId,
        k,
        sim.engine().type(k).name(),
        n < 0 ? ~n : n,
        n < 0,
        pool.expiry()[s] - sim.tick(),
        pool.dwelling() && n < 0 ? pool.dwell()[s] : 0,
        Arrays.copyOfRange(pool.payload(), s * d, s * d + d),
        p == 0 ? new float[0] : Arrays.copyOfRange(pool.state(), s * p, s * p + p),
        path);
  }
}
