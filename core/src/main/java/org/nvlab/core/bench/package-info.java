/**
 * The engine benchmark behind {@code nvlab bench} and the JMH benchmark: the reference workload (an
 * ordinary project, built in code), a STREAM triad, the object-per-vesicle baseline, and the
 * harness that runs them in one process; {@code ExpressionSpeed}, compiled user expressions against
 * hand-written Java ({@code nvlab bench-expr}). See docs/performance.md.
 *
 * <p>May import: {@code core}, {@code core.density}, {@code core.expr}, {@code core.graph}, {@code
 * core.host}, {@code core.observe}, {@code core.parallel}, {@code core.process}, {@code
 * core.project}, {@code core.random}, {@code core.record}, {@code core.release}, {@code
 * core.vesicle} and {@code core.vocabulary}.
 */
package org.nvlab.core.bench;
