/**
 * JavaFX views over the engine's read-only {@link org.nvlab.core.snapshot.Snapshot}s, in one room
 * each: {@code viz.graph} (the host network and its vesicles, live), {@code viz.chart} (the run's
 * metric charts), {@code viz.inspect} (the inspector of one node or vesicle) and {@code viz.editor}
 * (the experiment's editors). A view never steps or changes a simulation: it is handed snapshots on
 * the FX thread and draws them.
 *
 * <p>What several rooms share lives here: {@code Palette}, the lab's colours, so that a vesicle
 * type has one colour in the graph, the charts and the kernel preview. This package knows none of
 * the rooms above it.
 *
 * <p>May import: JavaFX ({@code javafx}).
 */
package org.nvlab.viz;
