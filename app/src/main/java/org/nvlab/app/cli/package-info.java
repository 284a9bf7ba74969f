/**
 * The {@code nvlab} command line (picocli): {@code NvlabCommand} (the root; no arguments opens the
 * window through {@code DesktopLauncher}), one class per subcommand ({@code RunCommand}, {@code
 * ValidateCommand}, {@code DensityCommand}, {@code TrainCommand}, {@code LimitsCommand}, {@code
 * AgentsCommand}, the {@code Bench*Command}s, {@code RunsCommand}, {@code ExportCommand}, {@code
 * MigrateCommand}, {@code PackCommand}, {@code UnpackCommand}), {@code ProjectArgument} (a project
 * folder, file or zip as given), {@code Stores} (the project's run store) and {@code CliException}
 * (a one-line error with its exit code). Every command runs headless and says what went wrong in
 * one line naming the file, field or tick.
 *
 * <p>May import: {@code app.desktop}, {@code app.runs}, {@code core}, {@code core.bench}, {@code
 * core.density}, {@code core.limits}, {@code core.observe}, {@code core.process}, {@code
 * core.project}, {@code core.record}, {@code core.state}, {@code core.vocabulary}, Jackson ({@code
 * com.fasterxml.jackson}), JavaFX ({@code javafx}) and picocli ({@code picocli}).
 */
package org.nvlab.app.cli;
