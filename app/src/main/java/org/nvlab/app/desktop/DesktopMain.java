package org.nvlab.app.desktop;

import javafx.application.Application;

/** Starts the JavaFX application (from a plain class, as JavaFX on the class path requires). */
public final class DesktopMain {
  private DesktopMain() {}

  public static void launch() {
    Application.launch(NvLabApp.class);
  }
}
