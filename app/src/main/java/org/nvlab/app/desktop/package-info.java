/**
 * The desktop window, file by file.
 *
 * <ul>
 *   <li>{@link org.nvlab.app.desktop.DesktopMain}: starts the JavaFX application from a plain
 *       class; {@link org.nvlab.app.desktop.NvLabApp}: the application, which builds the window.
 *   <li>{@link org.nvlab.app.desktop.LabWindow}: the window, put together from the parts below; the
 *       stage, the scene, the title and the once-per-pulse poll of the service.
 *   <li>{@link org.nvlab.app.desktop.LabMenus}: the menu bar (File, Edit, Run, View) and its
 *       shortcuts; {@link org.nvlab.app.desktop.RunControls}: the toolbar (play, step, reset with a
 *       seed, speed, draw every N ticks) and recording a run; {@link
 *       org.nvlab.app.desktop.LabPanels}: the sample list, network view, charts, inspector and
 *       editors, and which are shown; {@link org.nvlab.app.desktop.StatusBar}: message, progress
 *       and Cancel, tick, live vesicles, ticks/s and fps; {@link org.nvlab.app.desktop.LabDialogs}:
 *       questions, problems, a stopped run, a failed save.
 *   <li>{@link org.nvlab.app.desktop.ProjectActions}: new, open, save, save as, reset, the
 *       unsaved-changes question (its Save on the I/O thread), autosave and recovery; {@link
 *       org.nvlab.app.desktop.ProjectLoader}: the one way a project is loaded, from a {@link
 *       org.nvlab.app.desktop.ProjectSource} (disk, template, autosave, or the open project
 *       rebuilt); {@link org.nvlab.app.desktop.ProjectSession}: the open project, where it lives
 *       and whether it is saved; {@link org.nvlab.app.desktop.ViewState}: what view.json keeps of
 *       the window.
 *   <li>{@link org.nvlab.app.desktop.EditSession}: the open project's document between the editors,
 *       the Edit menu and the service; {@link org.nvlab.app.desktop.LabPreferences}: the recent
 *       list and the configuration folder; {@link org.nvlab.app.desktop.Recovery}: the autosave
 *       files; {@link org.nvlab.app.desktop.SampleProjects}: where the samples are.
 *   <li>{@link org.nvlab.app.desktop.SimulationService}: the engine on its own thread, publishing
 *       snapshots; {@link org.nvlab.app.desktop.LoadedRun}: what a load tells the window; {@link
 *       org.nvlab.app.desktop.ViewBench} and {@link org.nvlab.app.desktop.SyntheticRun}: the view
 *       benchmark and the run it draws.
 * </ul>
 *
 * <p>May import: {@code app.runs}, {@code core}, {@code core.density}, {@code core.edit}, {@code
 * core.graph}, {@code core.observe}, {@code core.process}, {@code core.project}, {@code
 * core.record}, {@code core.snapshot}, {@code core.state}, {@code viz.chart}, {@code viz.editor},
 * {@code viz.graph}, {@code viz.inspect}, Jackson ({@code com.fasterxml.jackson}) and JavaFX
 * ({@code javafx}).
 */
package org.nvlab.app.desktop;
