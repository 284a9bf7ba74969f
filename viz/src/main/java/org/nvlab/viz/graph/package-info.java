/**
 * The host network and its vesicles, live. {@code GraphView} is the pane the window shows: it
 * composes the parts below, runs one frame per pulse and offers the window's API (show, clear,
 * select, zoom, pan, fit, density, preview, path). By file:
 *
 * <ul>
 *   <li>the network: {@code NetworkLayer} (which graph, its layout, the colours and widths it is
 *       drawn with), {@code GraphStreamLayers} (GraphStream's edge view and node view through one
 *       camera), {@code DrivenViewer} (a GraphStream viewer that redraws when the frame asks),
 *       {@code GraphLayout} (where each node is), {@code NodeColours} (the activation, density and
 *       preview scales) and {@code Percentile} (the scales' peaks, by quickselect);
 *   <li>the vesicles: {@code VesicleImage} (the FX thread's side: glide, flashes, handing frames to
 *       the drawing thread and showing the finished ones), {@code VesicleRenderer} (the drawing
 *       thread), {@code VesicleLayer} (where each vesicle is drawn, and which one a point hits) and
 *       {@code VesicleRaster} (the antialiased rasteriser);
 *   <li>the camera: {@code GraphCamera} (zoom, pan, fit, every node's pixel position) and {@code
 *       ViewTransform} (the map between graph units and pixels);
 *   <li>picking: {@code Picker} (what a click hits, and the selection), {@code GraphSelection}
 *       (what is selected) and {@code GraphGestures} (wheel, drag, click, double-click);
 *   <li>over the network: {@code GraphOverlays} (the density toggle, the kernel preview, the
 *       inspected path, the banner) and {@code GraphLegend} (what the colours mean).
 * </ul>
 *
 * <p>May import: {@code core.graph}, {@code core.snapshot}, {@code viz}, JavaFX ({@code javafx})
 * and GraphStream ({@code org.graphstream}). A view never steps or changes a simulation: it is
 * handed snapshots on the FX thread and draws them (an ArchUnit test holds this line).
 */
package org.nvlab.viz.graph;
