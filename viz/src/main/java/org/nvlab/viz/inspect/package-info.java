/**
 * The inspector: {@code InspectorPanel} shows one node's state and one vesicle's (its payload,
 * type, location, lifetime, state and path), from the details the simulation service copies on its
 * own thread; a node is picked in the graph view or by number here, a vesicle from the node's list.
 *
 * <p>May import: JavaFX ({@code javafx}) and from core only {@code core.snapshot} (the details). An
 * ArchUnit test holds this line.
 */
package org.nvlab.viz.inspect;
