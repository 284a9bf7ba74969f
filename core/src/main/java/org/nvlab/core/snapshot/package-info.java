/**
 * What viewers read: immutable copies of a simulation made on the engine thread between ticks, safe
 * to hand to any other thread. {@code Snapshot} (a tick's host state and every kept vesicle with
 * where it came from, for drawing), {@code NodeDetail} and {@code VesicleDetail} (what the
 * inspector shows). Records only: the makers that read the engine live in {@code observe}.
 *
 * <p>May import: {@code core.graph}.
 */
package org.nvlab.core.snapshot;
