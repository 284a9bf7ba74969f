/**
 * Counter-based randomness keyed by (seed, tick, id, purpose): {@code CounterRng}, the draws;
 * {@code RngStream}, several draws from one key (Poisson, Gaussian, exponential); {@code Purpose},
 * the keys' purposes. May import: nothing else of the lab.
 */
package org.nvlab.core.random;
