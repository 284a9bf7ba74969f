/**
 * The host graph in CSR form and its builders.
 *
 * <ul>
 *   <li>{@code Graph}: topology stored both ways; edge ids follow the in-CSR order.
 *   <li>{@code EdgeListBuilder}: every builder ends here; CSR construction and checks.
 *   <li>{@code GraphBuilders}: layered, grid, Erdos-Renyi, fixed out-degree.
 *   <li>{@code WeightInit}: initial weight laws.
 *   <li>{@code Neighbourhood}: the moves open to a vesicle at each node (stay, along, against).
 * </ul>
 *
 * May import: {@code core.random}.
 */
package org.nvlab.core.graph;
