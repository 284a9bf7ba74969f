/**
 * JavaFX views over the engine's read-only {@link org.nvlab.core.snapshot.Snapshot}s: the graph
 * view (GraphStream draws the host graph, an overlay the moving vesicles; zoom, pan, selection, the
 * density toggle), its layout and camera map, and the live charts.
 *
 * <p>May import: JavaFX ({@code javafx}), GraphStream ({@code org.graphstream}), JFreeChart ({@code
 * org.jfree}), and from core only {@code core.snapshot}, {@code core.graph} (immutable topology),
 * {@code core.record} (metric rows) and {@code core.vocabulary}. A view never steps or changes a
 * simulation: it is handed snapshots on the FX thread and draws them (an ArchUnit test holds this
 * line).
 */
package org.nvlab.viz;
