package org.nvlab.core.limits;

/** The three conditions of the sparse-agents comparison, run on the same host, task and seeds. */
public enum AgentsCondition {
  /** The host alone: learning at the base rate eta_0 everywhere. */
  NONE("none"),
  /** A handful of long-lived vesicles that seek the largest error, dock there and dwell. */
  SPARSE("sparse"),
  /** Many short-lived vesicles on a plain random walk, with the sparse agents' total payload. */
  DENSE("dense");

  private final String label;

  AgentsCondition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
