/**
 * The continuous density relaxation of SPEC section 9 and its exact gradients: {@code DensityModel}
 * (expected undocked counts rho and payload mass per type and node, stepped in the engine's tick
 * order), {@code DensityHost} (the mean-field host), {@code DensityGradient} with {@code
 * DensityTape} (the adjoint), {@code DensityTrainer} with {@code DensityLoss} and {@code
 * TrainingTasks} (Adam over named parameter {@code Block}s; the tasks' projects are built in code),
 * {@code LearnedParameters} (trained blocks set in a project's spec), and the comparison with the
 * stochastic engine ({@code SeedAverage}, {@code MeanFieldComparison}).
 *
 * <p>May import: {@code core}, {@code core.graph}, {@code core.host}, {@code core.observe}, {@code
 * core.parallel}, {@code core.project}, {@code core.random}, {@code core.release}, {@code
 * core.rule}, {@code core.vesicle} and {@code core.vocabulary}.
 */
package org.nvlab.core.density;
