/**
 * The inspector: {@code InspectorPanel} shows one node's state and one vesicle's (its payload,
 * type, location, lifetime, state and path), from the details the simulation service copies on its
 * own thread; a node is picked in the graph view or by number here, a vesicle from the node's list.
 *
 * <p>May import: {@code core.snapshot} and JavaFX ({@code javafx}). An ArchUnit test holds this
 * line.
 */
package org.nvlab.viz.inspect;
