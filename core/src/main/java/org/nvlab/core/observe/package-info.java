/**
 * What watches a run without changing it: {@code SnapshotMaker} (snapshots for the graph view,
 * tracking each kept vesicle's previous node by id with {@code IdLocations}) and {@code Inspection}
 * (a node's or a vesicle's detail).
 *
 * <p>May import: {@code core}, {@code core.density}, {@code core.graph}, {@code core.host}, {@code
 * core.process}, {@code core.snapshot}, {@code core.vesicle}.
 */
package org.nvlab.core.observe;
