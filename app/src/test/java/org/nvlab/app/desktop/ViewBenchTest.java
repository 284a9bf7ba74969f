package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The frame-time benchmark behind {@code nvlab bench-view} runs headless too (a short smoke run,
 * not a measurement): it opens its window, draws the synthetic run and reports every figure.
 */
class ViewBenchTest {

  @Test
  void aShortRunReportsFramesAndTimesForEveryCase() throws Exception {
    FxToolkit.registerPrimaryStage();
    ViewBench.Options o =
        new ViewBench.Options(60, 3, new int[] {300, 3000}, 1.0, 0.3, 20, 480, 360, 7);
    List<ViewBench.Result> results = ViewBench.run(o, Stage::new);
    assertEquals(2, results.size());
    for (ViewBench.Result r : results) {
      assertTrue(r.frames() > 5, r + ": pulses");
      assertTrue(r.fps() > 5, r + ": pulses per second");
      assertTrue(r.fxMedianMs() > 0 && r.fxP90Ms() >= r.fxMedianMs(), r + ": FX times");
      assertTrue(r.viewMedianMs() > 0 && r.viewMedianMs() <= r.fxP90Ms() + 1e-9, r + ": view");
      assertTrue(r.vesicleFrames() > 3, r + ": vesicle frames drawn");
      assertTrue(r.rasterMedianMs() > 0, r + ": drawing thread time");
    }
    assertEquals(300, results.get(0).vesicles());
    assertEquals(4.0, results.get(0).targetMs());
    assertEquals(3000, results.get(1).vesicles());
  }
}
