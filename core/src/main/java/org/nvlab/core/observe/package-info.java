/**
 * What watches a run without changing it: {@code SnapshotMaker} (snapshots for the graph view,
 * tracking each kept vesicle's previous node by id with {@code IdLocations}) and {@code Inspection}
 * (a node's or a vesicle's detail).
 *
 * <p>May import: {@code core.graph}, {@code core.project}, {@code core.record}, {@code
 * core.snapshot} and {@code core.vocabulary}.
 */
package org.nvlab.core.observe;
