/**
 * The host networks of SPEC section 1: node state arrays and the host's own steps of the tick
 * (forward pass, learning).
 *
 * <ul>
 *   <li>{@code Host}: the shared node state and the modulation buffers (step 4).
 *   <li>{@code RateNetwork}: feed-forward or recurrent rate units with backpropagated errors.
 *   <li>{@code LifNetwork}: leaky integrate-and-fire units with three-factor STDP.
 *   <li>{@code Activation}: transfer functions; {@code Signal}: time signals for inputs, targets,
 *       globals.
 * </ul>
 *
 * May import: {@code core.graph}, {@code core.parallel}, {@code core.random} and {@code
 * core.state}.
 */
package org.nvlab.core.host;
