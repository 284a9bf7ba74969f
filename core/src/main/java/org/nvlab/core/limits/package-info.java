/**
 * The limits of SPEC section 10, demonstrated by measurement. Each demonstration is written as
 * ordinary projects (so it runs exactly the code users run) plus the runner that measures them.
 *
 * <ul>
 *   <li>{@code SparseAgents}: a handful of long-lived, error-seeking vesicles gate the learning of
 *       the nodes with the largest error, against dense random vesicles of the same total payload
 *       and against no vesicles ({@code AgentsDesign} the projects, {@code AgentsCondition} the
 *       three conditions, {@code AgentsOutcome} one run's numbers, {@code AgentsReport} the summary
 *       over seeds with {@code Spread}, {@code ReleaseProbe} where releases land).
 * </ul>
 *
 * <p>May import: every engine package.
 */
package org.nvlab.core.limits;
