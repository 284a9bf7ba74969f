package org.nvlab.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.core.Checkpoints;
import org.nvlab.core.Model;
import org.nvlab.core.ModelChange;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.observe.SpikeRaster;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.state.CheckpointException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab resume}: goes on with a run from one of its checkpoints. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Goes on with a run from a checkpoint (written by nvlab run --checkpoint-every or saved",
      "from the window) for M more ticks, and writes the same outputs as nvlab run:",
      "DIR/metrics.csv (every tick from 0, when the checkpoint holds the earlier metrics),",
      "DIR/summary.json (its state_sha256 is the uninterrupted run's) and more checkpoints.",
      "The checkpoint carries its project as its rules stood; --project checks that it belongs",
      "to PROJECT and records the run in PROJECT's run store."
    })
public final class ResumeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "a .nvcheckpoint file")
  Path checkpoint;

  @Option(
      names = "--ticks",
      paramLabel = "M",
      required = true,
      description = "more ticks to run after the checkpoint's tick")
  Integer ticks;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "worker threads (default: all cores); results do not depend on it")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
  Path out;

  @Option(
      names = "--project",
      paramLabel = "PROJECT",
      description =
          "the project the checkpoint belongs to: a checkpoint of another network is refused,"
              + " and the resumed run is recorded in its run store")
  Path project;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "N",
      description = "write a checkpoint every N ticks (counted from tick 0, as nvlab run does)")
  Integer checkpointEvery;

  @Option(names = "--spikes", description = "write DIR/spikes.csv for the ticks run here")
  boolean spikes;

  @Option(names = "--no-store", description = "do not record the run in the project's run store")
  boolean noStore;

  @Override
  public Integer call() throws ProjectException {
    int t = RunCommand.threads(threads);
    if (ticks < 0) {
      throw new CliException(NvlabCommand.USAGE, "--ticks must be at least 0, got " + ticks);
    }
    RunCommand.checkEvery(checkpointEvery);
    Model expected = project == null ? null : Model.load(project);
    Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long wall0 = System.nanoTime();
    Checkpoints.Restored r;
    try {
      r =
          expected == null
              ? Checkpoints.read(checkpoint, t)
              : Checkpoints.read(
                  java.nio.file.Files.newInputStream(checkpoint),
                  checkpoint.toString(),
                  t,
                  expected);
    } catch (CheckpointException e) {
      throw new CliException(NvlabCommand.USAGE, e.getMessage());
    } catch (java.io.IOException e) {
      throw new CliException(
          NvlabCommand.USAGE, "cannot read the checkpoint " + checkpoint + ": " + e.getMessage());
    }
    RunOutputs outputs = new RunOutputs(out);
    try (Simulation sim = r.simulation()) {
      if (expected != null && sim.model().changeTo(expected).kind() != ModelChange.Kind.NONE) {
        System.out.println(
            "note: the run goes on with the rules it had at tick "
                + sim.tick()
                + " (they differ from "
                + project
                + "'s: it took live edits, or the project changed since)");
      }
      MetricsRecorder metrics =
          r.metrics() != null ? r.metrics() : new MetricsRecorder(); // rows from here on
      sim.observe(new MetricsObserver(metrics));
      SpikeRaster raster = RunCommand.spikes(sim, spikes);
      outputs.prepare();
      int from = sim.tick();
      metrics.reserve(ticks);
      int written = RunCommand.run(sim, ticks, checkpointEvery, metrics, outputs);
      double seconds = (System.nanoTime() - wall0) / 1e9;
      Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
      outputs.writeMetrics(metrics);
      if (raster != null) {
        outputs.writeSpikes(raster);
      }
      String sha =
          project != null
              ? ProjectRuns.sha256(ProjectArgument.file(project))
              : "unavailable: resumed from " + checkpoint.getFileName();
      Map<String, Object> summary =
          withResumedFrom(
              RunOutputs.summary(sim, metrics, t, seconds, sha, finished), checkpoint, from);
      outputs.writeSummary(summary);
      System.out.printf(
          "resumed %s at tick %d and ran %d more ticks (seed %d, %d threads) in %.2f s; wrote"
              + " %s%s%n",
          sim.model().name(),
          from,
          ticks,
          sim.seed(),
          t,
          seconds,
          out,
          written > 0 ? " (and " + written + " checkpoints)" : "");
      if (r.metrics() == null) {
        System.out.println(
            "note: the checkpoint holds no metrics; metrics.csv starts at tick " + from);
      }
      Path folder = project == null ? null : ProjectArgument.folder(project);
      if (!noStore && folder != null) {
        outputs.record(folder, sim, metrics, summary, t, started, finished);
      }
    }
    return NvlabCommand.OK;
  }

  private static Map<String, Object> withResumedFrom(
      Map<String, Object> summary, Path checkpoint, int tick) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : summary.entrySet()) {
      s.put(e.getKey(), e.getValue());
      if (e.getKey().equals("ticks")) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("checkpoint", checkpoint.toString());
        from.put("tick", tick);
        s.put("resumed_from", from);
      }
    }
    return s;
  }
}
