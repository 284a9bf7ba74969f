/**
 * The Neuro-Vesicles engine's facade: {@link org.nvlab.core.Simulation} loads a project, steps it,
 * records metrics and hashes its state. Pure Java, like all of core: no JavaFX, GraphStream, Spark,
 * database or app code anywhere in it.
 *
 * <p>May import: {@code core.expr}, {@code core.graph}, {@code core.host}, {@code core.observe},
 * {@code core.parallel}, {@code core.process}, {@code core.project}, {@code core.random}, {@code
 * core.record}, {@code core.release}, {@code core.rule}, {@code core.state}, {@code core.vesicle},
 * {@code core.vocabulary} and Jackson ({@code com.fasterxml.jackson}).
 */
package org.nvlab.core;
