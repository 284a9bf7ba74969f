package org.nvlab.core.snapshot;

import java.util.List;

/**
 * What an inspector shows about one node after a tick, copied on the thread that steps the
 * simulation: its host state and the vesicles on it. and the vesicles on it.
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

  /** A vesicle at the node. */
  public record Here(int type, String typeName, long id, boolean docked) {}

  public NodeDetail {
    memory = memory.clone();
    here = List.copyOf(here);
  }

  @Override
  public float[] memory() {
    return memory.clone();
  }
}
