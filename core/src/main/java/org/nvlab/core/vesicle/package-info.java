/**
 * Vesicle types and the population.
 *
 * <ul>
 *   <li>{@code VesicleType} and its rules ({@code EmissionRule}, {@code LifetimeLaw}, {@code
 *       KernelRule}, {@code DockingRule}, {@code StateRule}): immutable, compiled from a project.
 *   <li>{@code Pool}: one type's live vesicles as a structure of arrays; {@code Population}: all
 *       pools, the id counter, the tick's counts.
 *   <li>{@code Signals}: the layout of the signal vector emission reads; {@code DeathCause}.
 * </ul>
 *
 * May import: {@code core.release}, {@code core.rule}, {@code core.state}, {@code core.util} and
 * {@code core.vocabulary}.
 */
package org.nvlab.core.vesicle;
