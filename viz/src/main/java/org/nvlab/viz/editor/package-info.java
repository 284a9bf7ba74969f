/**
 * The editors of an experiment: vesicle types ({@code VesicleTypeEditor}), kernels with an
 * expression field and a preview ({@code KernelEditor}, {@code ExpressionField}, {@code
 * KernelPreviewModel}, {@code KernelPreviewPane}), release operators ({@code ReleaseEditor}) and
 * the host network ({@code HostEditor}), gathered in {@code EditorsPane}.
 *
 * <p>Each editor declares its fields as data, a table of {@code FieldSpec} rows ({@code
 * TypeFields}, {@code KernelFields}, {@code ReleaseFields}, {@code HostFields}): a JSON pointer
 * relative to the table's subject, label, category, kind, choices, help, how the spec's value is
 * read, and when the row is shown (theta only without a score expression, the rate or the LIF
 * settings, a release kind's own fields). {@code FieldTable} turns the rows shown into {@code
 * FieldItem}s of a ControlsFX property sheet ({@code DocumentForm}), whose controls take each row's
 * help as their tooltip; {@code FieldText} reads and writes the fields' text.
 *
 * <p>An editor never touches a simulation: every change is a {@code ProjectEdit} handed to the
 * {@code ProjectDocument}, which checks it against the whole project and applies or refuses it; the
 * application forwards applied changes to the running engine. Errors are shown beside the field,
 * and what the user typed stays in the field until it is fixed or undone.
 *
 * <p>May import: {@code core.edit}, {@code core.expr}, {@code core.preview}, {@code core.project},
 * {@code core.vocabulary}, {@code viz}, Jackson ({@code com.fasterxml.jackson}), JavaFX ({@code
 * javafx}) and ControlsFX ({@code org.controlsfx}). An ArchUnit test holds this line.
 */
package org.nvlab.viz.editor;
