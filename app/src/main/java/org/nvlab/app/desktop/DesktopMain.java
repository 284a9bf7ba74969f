package org.nvlab.app.desktop;

import javafx.application.Application;

/** Starts the JavaFX application (from a plain class, as JavaFX on the class path requires). */
public final class DesktopMain {
  private DesktopMain() {}

  public static void launch() {
    Application.launch(NvLabApp.class);
  }

  /** Starts the application with a project (folder or shared zip) opened in the window. */
  public static void launch(java.nio.file.Path project) {
    Application.launch(NvLabApp.class, "--open=" + project.toAbsolutePath());
  }
}
