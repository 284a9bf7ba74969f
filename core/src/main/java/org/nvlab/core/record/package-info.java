/**
 * What a run records: metric series ({@code MetricsRecorder}, long-format CSV, {@code MetricRows}
 * for viewers) and the run store's service interface: {@code RunStore} (a project's recorded runs:
 * metadata plus tick,series,value rows, listing, export to CSV and Parquet), opened through a
 * {@code RunStoreProvider} that {@code RunStores} finds with ServiceLoader. The implementations are
 * plugins; this package holds no database code.
 *
 * <p>May import: {@code core.state} and {@code core.vocabulary}.
 */
package org.nvlab.core.record;
