/**
 * The processes of SPEC sections 2-7 and the tick that orders them.
 *
 * <ul>
 *   <li>{@code Engine}: one tick in the SPEC's order, parallel over fixed chunks.
 *   <li>{@code Emission}, {@code Migration}, {@code Docking}, {@code Decay}, {@code Release}: one
 *       process each. {@code VesicleUpdate} fuses the per-vesicle parts of decay, docking and
 *       migration into one pass, calling the small static methods of those classes, so that each
 *       vesicle's arrays are read once per tick.
 *   <li>{@code TypeRuntime}: per-type tables and keys; {@code ChunkResult}: a chunk's events;
 *       {@code Compaction}: closes holes; {@code Globals}: global signals.
 * </ul>
 *
 * May import: {@code core.graph}, {@code core.host}, {@code core.parallel}, {@code core.random},
 * {@code core.release}, {@code core.rule}, {@code core.state}, {@code core.util}, {@code
 * core.vesicle} and {@code core.vocabulary}.
 */
package org.nvlab.core.process;
