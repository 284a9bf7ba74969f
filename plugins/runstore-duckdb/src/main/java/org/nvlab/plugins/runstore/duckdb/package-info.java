/**
 * The run store in DuckDB: one database file per project, {@code NAME.nvlab/runs/runs.duckdb}, with
 * the tables {@code runs} (one row of metadata per run) and {@code metrics} (run_id, tick, series,
 * value).
 *
 * <ul>
 *   <li>{@code DuckDbRunStoreProvider}: the service ServiceLoader finds; opens stores, runs the
 *       write benchmark.
 *   <li>{@code DuckDbRunStore}: one open store (one JDBC connection): listing, export with COPY.
 *   <li>{@code DuckDbRecording}: one run being recorded through DuckDB's Appender.
 *   <li>{@code Schema}: the tables, created when missing, and the store's format version.
 *   <li>{@code Failures}: DuckDB's errors turned into one-line messages (locked, disk full, damaged
 *       file).
 *   <li>{@code WriteBenchmark}: Appender against plain JDBC batches, and the export times.
 * </ul>
 *
 * <p>May import: {@code core.record} and DuckDB's JDBC driver ({@code
 * org.duckdb}).nvlab.core.record and DuckDB's JDBC driver; nothing of the app or viz.
 */
package org.nvlab.plugins.runstore.duckdb;
