package org.nvlab.core.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Host;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.VesicleDetail;
import org.nvlab.core.vesicle.Pool;

/**
 * What an inspector shows about one node or one vesicle after a tick: immutable copies made on the
 * thread that steps the simulation (like {@code Snapshot}), for any thread to read.
 */
public final class Inspection {
  private Inspection() {}

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
    List<NodeDetail.Here> docked = new ArrayList<>();
    List<NodeDetail.Here> moving = new ArrayList<>();
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
          NodeDetail.Here h = new NodeDetail.Here(k, name, id[s], n < 0);
          (n < 0 ? docked : moving).add(h);
        }
      }
    }
    List<NodeDetail.Here> here = new ArrayList<>(docked);
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
