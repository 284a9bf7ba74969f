package org.nvlab.app.desktop;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The lab's window. */
public final class NvLabApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("Neuro-Vesicles Lab");
    stage.setScene(new Scene(new Label("Neuro-Vesicles Lab"), 800, 600));
    stage.show();
  }
}
