package org.nvlab.app.desktop;

import javafx.application.Application;
import javafx.stage.Stage;

/** The lab's JavaFX application: builds the {@link LabWindow} and shuts it down on exit. */
public final class NvLabApp extends Application {
  private LabWindow window;

  @Override
  public void start(Stage stage) {
    window = new LabWindow(stage, new SimulationService(), SampleProjects.folder());
    window.show();
    // Null when the application is started by a test harness rather than Application.launch.
    String open = getParameters() == null ? null : getParameters().getNamed().get("open");
    if (open != null) {
      window.open(java.nio.file.Path.of(open));
    }
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
      window = null;
    }
  }

  /** The window, for tests that drive it. */
  LabWindow window() {
    return window;
  }
}
