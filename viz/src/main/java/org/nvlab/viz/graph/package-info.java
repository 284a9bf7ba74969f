/**
 * The host network and its vesicles, live: {@code GraphView} is the pane the window shows. The
 * graph is drawn by GraphStream ({@code GraphStreamLayers}: an edge view and a node view through
 * one camera, each a {@code DrivenViewer} that redraws when the view's frame asks), placed by
 * {@code GraphLayout}; the camera's map from graph units to pixels is a {@code ViewTransform}. The
 * vesicles are drawn off the FX thread ({@code VesicleRenderer}) into a {@code VesicleRaster},
 * placed by a {@code VesicleLayer}, which also answers what a click hits ({@code GraphSelection}).
 * {@code Percentile} picks the colour scales' peaks.
 *
 * <p>May import: {@code viz} (the palette), JavaFX ({@code javafx}), GraphStream ({@code
 * org.graphstream}), and from core only {@code core.snapshot} (what is drawn) and {@code
 * core.graph} (immutable topology). A view never steps or changes a simulation: it is handed
 * snapshots on the FX thread and draws them (an ArchUnit test holds this line).
 */
package org.nvlab.viz.graph;
