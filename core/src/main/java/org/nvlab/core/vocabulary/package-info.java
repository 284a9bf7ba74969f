/**
 * The lab's words, defined once: {@code Metric} and {@code SeriesName} (the metric series a run
 * records and how their names are built and read), {@code DeathCause}, {@code ReleaseKind} (the
 * built-in release operators' names), {@code Signals} (the signal vector emission reads), {@code
 * KernelFeature} and {@code DockingFeature} (what kernels and docking rules weigh). The engine, the
 * project reader, the charts and the editors all use these, so a name never has two spellings.
 *
 * <p>May import: nothing else of the lab.
 */
package org.nvlab.core.vocabulary;
