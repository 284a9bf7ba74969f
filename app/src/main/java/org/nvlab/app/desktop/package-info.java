/**
 * The desktop window: {@link org.nvlab.app.desktop.NvLabApp} (the JavaFX application), {@link
 * org.nvlab.app.desktop.LabWindow} (menus, toolbar, sample list, views, status bar), {@link
 * org.nvlab.app.desktop.SimulationService} (the engine on its own thread, publishing snapshots),
 * {@link org.nvlab.app.desktop.LoadedRun} (what a load tells the window), {@link
 * org.nvlab.app.desktop.EditSession} (the open project's document between the editors, the Edit
 * menu and the service) and {@link org.nvlab.app.desktop.SampleProjects} (where the samples are).
 *
 * <p>May import JavaFX, {@code org.nvlab.viz} and core. The rule of this room: the engine never
 * runs on the FX thread, and only the service holds a simulation; the FX side reads the engine
 * through the snapshots the service publishes (DesktopArchitectureTest holds this line).
 */
package org.nvlab.app.desktop;
