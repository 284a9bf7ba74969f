/**
 * Previews of a project's rules computed with the engine's own maths, for the editors: {@code
 * KernelPreview}, a vesicle type's migration kernel as a Markov chain over the host's nodes (the
 * transition probabilities from a node, the stationary distribution). A preview compiles its own
 * copy of the project and never touches a running simulation, so the window's editors may use it.
 *
 * <p>May import: {@code core}, {@code core.graph}, {@code core.host}, {@code core.process}, {@code
 * core.project}, {@code core.rule} and {@code core.vesicle}.
 */
package org.nvlab.core.preview;
