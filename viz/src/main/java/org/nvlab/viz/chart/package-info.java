/**
 * The run's live charts: {@code ChartsPanel} (one tab per chart: population by type, births and
 * deaths by cause, dockings, modulation, the task's loss and reward; each exports its picture as
 * PNG and its data as CSV), {@code MetricsChart} (one JFreeChart chart fed with every tick's metric
 * rows, drawn decimated and repainted at most every 100 ms) and {@code SeriesDecimator} (the rule
 * that keeps a long series short: plain arrays, tested without a display).
 *
 * <p>May import: {@code core.record}, {@code core.snapshot}, {@code core.vocabulary}, {@code viz}, JavaFX ({@code javafx})
 * and JFreeChart ({@code org.jfree}). An ArchUnit test holds this line.
 */
package org.nvlab.viz.chart;
