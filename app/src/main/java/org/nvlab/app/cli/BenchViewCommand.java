package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nvlab bench-view}: the graph view's frame time in a real window (see {@code
 * desktop.ViewBench}). Kept free of JavaFX types, like the launcher, so that listing the commands
 * never loads JavaFX; the window work is in {@link ViewBenchRunner}.
 */
@Command(
    name = "bench-view",
    mixinStandardHelpOptions = true,
    description = {
      "Draws a synthetic run (a 1,000-node graph, vesicles hopping along its edges, one snapshot",
      "per tick from a publisher thread) in the lab's graph view in a real window, and reports",
      "per vesicle count the JavaFX thread's time per frame (median and 90th percentile), the",
      "view's own share of it, and the rendered frame rate, next to the 16.7 ms budget of 60",
      "frames/s. Needs a display (xvfb-run works: JavaFX then renders in software).",
      "See docs/performance.md, 'Frame time'."
    })
public final class BenchViewCommand implements Callable<Integer> {

  @Option(
      names = "--nodes",
      defaultValue = "1000",
      description = "nodes of the graph (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(
      names = "--degree",
      defaultValue = "4",
      description = "edges from each node to its nearest neighbours (default ${DEFAULT-VALUE})")
  int degree;

  @Option(
      names = "--vesicles",
      split = ",",
      defaultValue = "10000,100000",
      description = "live vesicles per case, comma-separated (default ${DEFAULT-VALUE})")
  int[] vesicles;

  @Option(
      names = "--seconds",
      defaultValue = "6",
      description = "measured seconds per case (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      description = "seconds drawn before measuring (default ${DEFAULT-VALUE})")
  double warmup;

  @Option(
      names = "--tps",
      defaultValue = "20",
      description = "snapshots (ticks) per second from the publisher (default ${DEFAULT-VALUE})")
  double tps;

  @Option(
      names = "--size",
      defaultValue = "1280x800",
      description = "window size WIDTHxHEIGHT (default ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--json", description = "print one JSON object on one line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    check(nodes >= 2 && nodes <= 5000, "--nodes must be in 2..5000");
    check(degree >= 1 && degree < nodes && degree <= 50, "--degree must be in 1..min(50, nodes-1)");
    check(vesicles.length >= 1, "--vesicles needs at least one count");
    for (int v : vesicles) {
      check(v >= 0 && v <= 2_000_000, "--vesicles counts must be in 0..2000000");
    }
    check(seconds > 0 && seconds <= 600, "--seconds must be in (0, 600]");
    check(warmup >= 0 && warmup <= 600, "--warmup must be in 0..600");
    check(tps > 0 && tps <= 1000, "--tps must be in (0, 1000]");
    String[] wh = size.toLowerCase(Locale.ROOT).split("x");
    int width;
    int height;
    try {
      check(wh.length == 2, "--size must be WIDTHxHEIGHT, e.g. 1280x800");
      width = Integer.parseInt(wh[0].strip());
      height = Integer.parseInt(wh[1].strip());
    } catch (NumberFormatException e) {
      throw new CliException(NvlabCommand.USAGE, "--size must be WIDTHxHEIGHT, e.g. 1280x800");
    }
    check(
        width >= 200 && height >= 150 && width <= 8000 && height <= 8000, "--size is out of range");
    if (!NvlabCommand.hasDisplay()) {
      System.err.println(
          "nvlab: no display found, so bench-view cannot open its window; run it under"
              + " xvfb-run (e.g. xvfb-run -a -s '-screen 0 1600x1000x24' nvlab bench-view)");
      return NvlabCommand.USAGE;
    }
    Map<String, Object> result =
        ViewBenchRunner.run(nodes, degree, vesicles, seconds, warmup, tps, width, height);
    result.put("versions", Versions.all());
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(result));
    } else {
      print(result);
    }
    return NvlabCommand.OK;
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> r) {
    System.out.printf(
        Locale.ROOT,
        "bench-view: %,d nodes, %,d edges, %s ticks/s, window %s, pipeline %s%n",
        r.get("nodes"),
        r.get("edges"),
        r.get("ticks_per_s"),
        r.get("window"),
        r.get("pipeline"));
    System.out.printf(
        Locale.ROOT,
        "%10s %7s %13s   %-20s %-20s %-20s %s%n",
        "vesicles",
        "pulses/s",
        "vesicle fps",
        "FX thread/frame (ms)",
        "view code/frame (ms)",
        "drawing thread (ms)",
        "FX target");
    System.out.printf(
        Locale.ROOT,
        "%10s %7s %13s   %-20s %-20s %-20s%n",
        "",
        "",
        "",
        "median    p90",
        "median    p90",
        "median    p90");
    for (Map<String, Object> c : (List<Map<String, Object>>) r.get("cases")) {
      System.out.printf(
          Locale.ROOT,
          "%,10d %8.1f %13.1f   %6.2f  %6.2f       %6.2f  %6.2f       %6.2f  %6.2f       %.0f ms %s%n",
          c.get("vesicles"),
          c.get("fps"),
          c.get("vesicle_fps"),
          c.get("fx_ms_median"),
          c.get("fx_ms_p90"),
          c.get("view_ms_median"),
          c.get("view_ms_p90"),
          c.get("raster_ms_median"),
          c.get("raster_ms_p90"),
          c.get("target_ms"),
          (Boolean) c.get("within_target") ? "(met)" : "(missed)");
    }
    System.out.printf(
        Locale.ROOT,
        "The frame budget at 60 frames/s is %.1f ms; the engine never runs on the FX thread, and"
            + " the vesicles are drawn on a thread of their own.%n",
        r.get("budget_ms_60fps"));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new CliException(NvlabCommand.USAGE, message);
    }
  }
}
