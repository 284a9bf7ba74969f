/**
 * Projects: what a user asked for ({@code ProjectSpec}), read from JSON with every problem reported
 * at its JSON pointer ({@code ProjectReader}, {@code JsonIn}, {@code Problem}, {@code
 * ProjectException}), migrated from older formats ({@code ProjectMigrations}), built in code
 * ({@code ProjectBuilder}, {@code TypeBuilder}, starting from the reader's defaults in {@code
 * ProjectDefaults}) and written back as project.json without its defaults ({@code ProjectWriter};
 * {@code SpecEquality} compares specs), and saved so that no work is lost ({@code ProjectFiles},
 * {@code CanonicalJson}). This room describes an experiment; {@code core.Model} compiles one.
 * Loading, checking and compiling are separate steps.
 *
 * <p>May import: {@code core.expr}, {@code core.graph}, {@code core.host}, {@code core.release},
 * {@code core.rule}, {@code core.vesicle}, {@code core.vocabulary} and Jackson ({@code
 * com.fasterxml.jackson}).
 */
package org.nvlab.core.project;
