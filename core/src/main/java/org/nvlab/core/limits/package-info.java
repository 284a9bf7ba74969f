/**
 * The paper's limits (SPEC section 10), measured with the engine: each construction is an ordinary
 * project, built in code ({@code core.project.ProjectBuilder}) and run by {@link
 * org.nvlab.core.Simulation}, whose per-tick modulation is compared with the exact tensor mechanism
 * it converges to. docs/model.md section 10 describes the constructions and the measured numbers.
 *
 * <ul>
 *   <li>{@code LimitConstruction}: what a limit provides (its project for N vesicles per tick, its
 *       path length in ticks, and a reading of measured against exact values after a tick).
 *   <li>{@code FilmLimit}, {@code AttentionLimit}, {@code HypernetworkLimit}: the three
 *       constructions; {@code LimitProjects}: the project parts and probing helpers they share.
 *   <li>{@code LimitMeasurement}: runs a construction over N values and seeds; {@code LimitResult}
 *       holds the RMS errors per N and the {@code LogLogFit} of error against N.
 *   <li>{@code SparseAgents}: a handful of long-lived, error-seeking vesicles gate the learning of
 *       the nodes with the largest error, against dense random vesicles of the same total payload
 *       and against no vesicles ({@code AgentsDesign} the projects, {@code AgentsCondition} the
 *       three conditions, {@code AgentsOutcome} one run's numbers, {@code AgentsReport} the summary
 *       over seeds with {@code Spread}, {@code ReleaseProbe} where releases land, {@code
 *       DockingSites} which sites had the largest error).
 * </ul>
 *
 * May import: {@code core}, {@code core.graph}, {@code core.host}, {@code core.observe}, {@code
 * core.project}, {@code core.random}, {@code core.record}, {@code core.release}, {@code
 * core.vesicle} and {@code core.vocabulary}.
 */
package org.nvlab.core.limits;
