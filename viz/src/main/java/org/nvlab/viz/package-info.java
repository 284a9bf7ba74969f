/**
 * JavaFX views over the engine's read-only {@link org.nvlab.core.record.Snapshot}s: the graph view
 * (GraphStream draws the host graph, an overlay the moving vesicles; zoom, pan, selection, the
 * density toggle), its layout and camera map, and the live charts.
 *
 * <p>May import: JavaFX, GraphStream, JFreeChart, and from core only {@code org.nvlab.core.record}
 * and {@code org.nvlab.core.graph} (immutable topology). A view never steps or changes a
 * simulation: it is handed snapshots on the FX thread and draws them (an ArchUnit test holds this
 * line).
 */
package org.nvlab.viz;
