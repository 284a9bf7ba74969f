/**
 * What a run records: metric series ({@code MetricsRecorder}, long-format CSV), the state hash
 * ({@code StateDigest}) and the run store's service interface: {@code RunStore} (a project's
 * recorded runs: metadata plus tick,series,value rows, listing, export to CSV and Parquet), opened
 * through a {@code RunStoreProvider} that {@code RunStores} finds with ServiceLoader. The
 * implementations are plugins; this package holds no database code. And what viewers see: the
 * immutable {@code Snapshot} that a {@code SnapshotMaker} copies from a simulation between ticks.
 *
 * <p>May import: the simulation, engine, host, vesicle and density classes, to read them (only the
 * snapshot makers do); nothing here changes engine state.
 */
package org.nvlab.core.record;
