package org.nvlab.core.vesicle;

/**
 * The internal-state update of SPEC section 1, applied every tick to undocked vesicles before the
 * docking test: s <- decay * s + W (a_l, |e_l|, g_l), the local signals at the vesicle's node. A
 * vesicle thus carries a filtered memory of where it has been (how much error it passed, say),
 * which its docking rule can read.
 *
 * @param decay per-tick retention of s
 * @param input W, p rows of 3, row-major
 */
public record StateRule(float decay, float[] input) {}
