package org.nvlab.app;

import org.nvlab.app.cli.NvlabCommand;

/**
 * The entry point of the {@code nvlab} launcher. A plain class (not a JavaFX Application) so that
 * the JavaFX runtime is found on the class path, and so that the command line never loads JavaFX.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(NvlabCommand.execute(args));
  }
}
