/**
 * The desktop window: {@link org.nvlab.app.desktop.NvLabApp} (the JavaFX application), {@link
 * org.nvlab.app.desktop.LabWindow} (menus, toolbar, sample list, views, status bar), {@link
 * org.nvlab.app.desktop.SimulationService} (the engine on its own thread, publishing snapshots),
 * {@link org.nvlab.app.desktop.LoadedRun} (what a load tells the window), {@link
 * org.nvlab.app.desktop.EditSession} (the open project's document between the editors, the Edit
 * menu and the service) and {@link org.nvlab.app.desktop.SampleProjects} (where the samples are).
 *
 * <p>May import: {@code app.runs}, {@code viz.chart}, {@code viz.editor}, {@code viz.graph}, {@code
 * viz.inspect}, JavaFX ({@code javafx}), Jackson ({@code com.fasterxml.jackson}), and from core
 * {@code core}, {@code core.density}, {@code core.graph}, {@code core.host}, {@code core.observe},
 * {@code core.process}, {@code core.edit}, {@code core.project}, {@code core.record}, {@code
 * core.snapshot}, {@code core.vesicle}.
 */
package org.nvlab.app.desktop;
