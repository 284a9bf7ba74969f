/**
 * The application's entry: {@code Main}, the {@code nvlab} launcher's main class, which hands the
 * arguments to the command line (no arguments open the window).
 *
 * <p>May import: {@code app.cli}.
 */
package org.nvlab.app;
