/**
 * The release operators of SPEC section 6 and the service interface for new ones.
 *
 * <ul>
 *   <li>{@code ReleaseOperator}: sealed; {@code NodeRelease} acts on a node's aggregate releases,
 *       {@code Cascade} per vesicle.
 *   <li>{@code ActivationRelease}, {@code ParameterRelease}, {@code LearningRuleRelease}, {@code
 *       MemoryRelease}, {@code Cascade}: the five kinds.
 *   <li>{@code ReleaseOperatorProvider}: found with ServiceLoader; plugins add kinds through it.
 * </ul>
 *
 * May import: {@code core.graph}, {@code core.host}, {@code core.rule} and {@code core.vocabulary}.
 */
package org.nvlab.core.release;
