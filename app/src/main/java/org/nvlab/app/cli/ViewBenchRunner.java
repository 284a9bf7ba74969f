package org.nvlab.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.nvlab.app.desktop.ViewBench;

/**
 * Runs {@link ViewBench} for {@code nvlab bench-view}: the only class of the command line that
 * touches JavaFX, loaded when the command runs.
 */
final class ViewBenchRunner {
  private ViewBenchRunner() {}

  static Map<String, Object> run(
      int nodes,
      int degree,
      int[] vesicles,
      double seconds,
      double warmup,
      double tps,
      int width,
      int height)
      throws Exception {
    try {
      ViewBench.startToolkit();
    } catch (RuntimeException | LinkageError e) {
      throw new CliException(NvlabCommand.INTERNAL, "the window could not start: " + e);
    }
    try {
      ViewBench.Options o =
          new ViewBench.Options(
              nodes, degree, vesicles, seconds, warmup, tps, width, height, 20261129L);
      List<ViewBench.Result> results = ViewBench.run(o);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("nodes", nodes);
      out.put("edges", nodes * degree);
      out.put("ticks_per_s", tps);
      out.put("window", width + "x" + height);
      out.put("pipeline", ViewBench.pipeline());
      out.put("seconds_per_case", seconds);
      out.put("budget_ms_60fps", Math.round(ViewBench.BUDGET_60FPS_MS * 100) / 100.0);
      List<Map<String, Object>> cases = new ArrayList<>();
      for (ViewBench.Result r : results) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("vesicles", r.vesicles());
        c.put("frames", r.frames());
        c.put("fps", Math.round(r.fps() * 10) / 10.0);
        c.put("fx_ms_median", r.fxMedianMs());
        c.put("fx_ms_p90", r.fxP90Ms());
        c.put("view_ms_median", r.viewMedianMs());
        c.put("view_ms_p90", r.viewP90Ms());
        c.put("vesicle_frames", r.vesicleFrames());
        c.put("vesicle_fps", Math.round(r.vesicleFps() * 10) / 10.0);
        c.put("raster_ms_median", r.rasterMedianMs());
        c.put("raster_ms_p90", r.rasterP90Ms());
        c.put("target_ms", r.targetMs());
        c.put("within_target", r.fxMedianMs() <= r.targetMs());
        cases.add(c);
      }
      out.put("cases", cases);
      return out;
    } finally {
      Platform.exit();
    }
  }
}
