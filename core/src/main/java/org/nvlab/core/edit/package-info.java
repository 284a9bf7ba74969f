/**
 * A project being edited: {@code ProjectDocument} holds the open project's JSON tree and its read
 * spec; {@code ProjectEdit}s (set, insert, remove, move at a JSON pointer) are checked against the
 * whole project (read and compiled) before they apply, and {@code TreeOps} makes them and their
 * exact inverses, for undo and redo. The document knows its dirty flag, saves through {@code
 * project.ProjectFiles}, and says what each change means for a running simulation.
 *
 * <p>May import: {@code core}, {@code core.expr}, {@code core.project}, {@code core.rule} and
 * Jackson ({@code com.fasterxml.jackson}).
 */
package org.nvlab.core.edit;
