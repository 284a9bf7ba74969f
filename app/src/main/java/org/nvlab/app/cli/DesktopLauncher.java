package org.nvlab.app.cli;

import org.nvlab.app.desktop.DesktopMain;

/**
 * Opens the window. Kept apart so that headless commands never load a JavaFX class: the JVM
 * resolves {@link DesktopMain} (and JavaFX behind it) only when this method runs.
 */
final class DesktopLauncher {
  private DesktopLauncher() {}

  static int launch(java.nio.file.Path project) {
    try {
      if (project == null) {
        DesktopMain.launch();
      } else {
        DesktopMain.launch(project);
      }
      return NvlabCommand.OK;
    } catch (LinkageError e) {
      throw new CliException(NvlabCommand.INTERNAL, "the window could not start: " + e);
    }
  }
}
