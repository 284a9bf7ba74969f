package org.nvlab.core.vesicle;

/**
 * Lifetime (SPEC sections 3 and 7). EXPONENTIAL draws tau at birth with the given mean (memoryless:
 * the survival per tick is exp(-dt / mean), as in the density model); FIXED gives every vesicle the
 * same tau. {@code hazard} is an extra per-tick death probability mu.
 */
public record LifetimeLaw(Kind kind, double mean, double hazard) {
  public enum Kind {
    EXPONENTIAL,
    FIXED
  }
}
