package org.nvlab.core.observe;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.VesicleDetail;

/**
 * What an inspector shows about one node or one vesicle after a tick: immutable copies made from a
 * {@link SimulationView} on the thread that steps the simulation (like a {@code Snapshot}), for any
 * thread to read.
 */
public final class Inspection {
  private Inspection() {}

  /** A node's detail, with at most {@code maxVesicles} of the vesicles there listed. */
  public static NodeDetail node(SimulationView sim, int node, int maxVesicles) {
    Graph g = sim.graph();
    if (node < 0 || node >= sim.nodeCount()) {
      throw new IllegalArgumentException(
          "node " + node + " does not exist (the graph has " + sim.nodeCount() + " nodes)");
    }
    int m = sim.memoryDim();
    float[] memory = new float[m];
    for (int k = 0; k < m; k++) {
      memory[k] = sim.memory(node, k);
    }
    List<NodeDetail.Here> docked = new ArrayList<>();
    List<NodeDetail.Here> moving = new ArrayList<>();
    int count = 0;
    for (int k = 0; k < sim.typeCount(); k++) {
      String name = sim.typeName(k);
      for (int s = 0, size = sim.vesicleCount(k); s < size; s++) {
        int n = sim.vesicleNode(k, s);
        if (n == node || (n < 0 && n != Integer.MIN_VALUE && ~n == node)) {
          count++;
          NodeDetail.Here h = new NodeDetail.Here(k, name, sim.vesicleId(k, s), n < 0);
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
        sim.activation(node),
        sim.error(node),
        sim.gamma(node),
        sim.beta(node),
        sim.gate(node),
        sim.spike(node),
        memory,
        here.subList(0, Math.min(maxVesicles, here.size())),
        count);
  }

  /** Where a live vesicle is, as {type, slot}, or null when no live vesicle has that id. */
  public static int[] find(SimulationView sim, long vesicleId) {
    for (int k = 0; k < sim.typeCount(); k++) {
      int s = sim.slotOf(k, vesicleId);
      if (s >= 0) {
        return new int[] {k, s};
      }
    }
    return null;
  }

  /** A vesicle's detail, or null when it is gone (docked and consumed, expired, absorbed). */
  public static VesicleDetail vesicle(SimulationView sim, long vesicleId, int[] path) {
    int[] where = find(sim, vesicleId);
    if (where == null) {
      return null;
    }
    int k = where[0];
    int s = where[1];
    int d = sim.payloadDim(k);
    int p = sim.stateDim(k);
    float[] payload = new float[d];
    for (int c = 0; c < d; c++) {
      payload[c] = sim.payload(k, s, c);
    }
    float[] state = new float[p];
    for (int c = 0; c < p; c++) {
      state[c] = sim.state(k, s, c);
    }
    int n = sim.vesicleNode(k, s);
    return new VesicleDetail(
        sim.tick(),
        vesicleId,
        k,
        sim.typeName(k),
        n < 0 ? ~n : n,
        n < 0,
        sim.vesicleExpiry(k, s) - sim.tick(),
        n < 0 ? sim.vesicleDwell(k, s) : 0,
        payload,
        state,
        path);
  }
}
