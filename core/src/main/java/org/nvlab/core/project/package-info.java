/**
 * Projects: what a user asked for ({@code ProjectSpec}), read from JSON with every problem reported
 * at its JSON pointer ({@code ProjectReader}, {@code JsonIn}, {@code Problem}), and compiled into a
 * host and vesicle types ({@code ProjectCompiler}, {@code CompiledProject}). Loading, checking and
 * compiling are separate steps. {@code ProjectDocument} is a project being edited: {@code
 * ProjectEdit}s checked as a whole before they apply ({@code TreeOps} makes them and their exact
 * inverses), undo and redo, the dirty flag, and what each change means for a running simulation.
 *
 * <p>May import: {@code core.graph}, {@code core.host}, {@code core.vesicle}, {@code core.release},
 * {@code core.rule}, {@code core.expr}, {@code core.random}, {@code core.vocabulary} and Jackson
 * ({@code com.fasterxml.jackson}).
 */
package org.nvlab.core.project;
