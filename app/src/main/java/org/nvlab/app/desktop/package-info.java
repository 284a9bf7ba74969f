/**
 * The desktop window: {@link org.nvlab.app.desktop.NvLabApp} (the JavaFX application), {@link
 * org.nvlab.app.desktop.LabWindow} (menus, toolbar, sample list, views, status bar), {@link
 * org.nvlab.app.desktop.SimulationService} (the engine on its own thread, publishing snapshots) and
 * {@link org.nvlab.app.desktop.SampleProjects} (where the samples are).
 *
 * <p>May import JavaFX, {@code org.nvlab.viz} and core. The rule of this room: the engine never
 * runs on the FX thread, and the FX side reads the engine only through the snapshots the service
 * publishes.
 */
package org.nvlab.app.desktop;
