package org.nvlab.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.density.SeedAverage;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.observe.SpikeRaster;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.record.MetricsRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab run}: runs a project headless and writes its metrics and a summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a project headless and writes DIR/metrics.csv (tick,series,value) and",
      "DIR/summary.json (seed, ticks, threads, versions, final counts, state_sha256).",
      "When PROJECT is a NAME.nvlab folder (or its project.json) the run is also recorded in",
      "the project's run store, NAME.nvlab/runs/runs.duckdb (see nvlab runs, nvlab export);",
      "if the store cannot take it, the files are still written and one warning is printed.",
      "With --checkpoint-every N it also writes the run's complete state every N ticks, as",
      "DIR/checkpoint-TICK.nvcheckpoint, which nvlab resume continues exactly."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROJECT",
      description = "a NAME.nvlab folder or its project.json")
  Path project;

  @Option(
      names = "--ticks",
      paramLabel = "N",
      description = "ticks to run (default: the project's)")
  Integer ticks;

  @Option(names = "--seed", paramLabel = "S", description = "run seed (default: the project's)")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "worker threads (default: all cores); results do not depend on it")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
  Path out;

  @Option(
      names = "--seeds",
      paramLabel = "R",
      description =
          "also run seeds S..S+R-1 and write DIR/mean_counts.csv (tick,type,node,mean,stderr):"
              + " the seed mean of the undocked vesicles per node, to compare with nvlab density")
  Integer seeds;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "N",
      description =
          "write the run's complete state (with its metrics so far) every N ticks as"
              + " DIR/checkpoint-TICK.nvcheckpoint; nvlab resume continues from any of them")
  Integer checkpointEvery;

  @Option(
      names = "--spikes",
      description = "write DIR/spikes.csv (tick,node): every spike of a LIF host, the raster")
  boolean spikes;

  @Option(
      names = "--no-store",
      description = "do not record the run in the project's run store (NAME.nvlab/runs/)")
  boolean noStore;

  @Override
  public Integer call() throws ProjectException {
    int t = threads(threads);
    if (ticks != null && ticks < 0) {
      throw new CliException(NvlabCommand.USAGE, "--ticks must be at least 0, got " + ticks);
    }
    if (seed != null && seed < 0) {
      throw new CliException(NvlabCommand.USAGE, "--seed must be at least 0, got " + seed);
    }
    checkEvery(checkpointEvery);
    Path file = ProjectArgument.file(project);
    Model model = Model.load(project);
    long s = seed != null ? seed : model.spec().seed();
    int n = ticks != null ? ticks : model.spec().ticks();
    // Microseconds: what the run store keeps, so summary.json and the store agree.
    Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long wall0 = System.nanoTime();
    RunOutputs outputs = new RunOutputs(out);
    try (Simulation sim = model.instantiate(s, t)) {
      MetricsRecorder metrics = sim.observe(new MetricsObserver()).recorder();
      SpikeRaster raster = spikes(sim, spikes);
      // Only now, so that a run refused for its project leaves no empty results folder behind.
      outputs.prepare();
      metrics.reserve(n);
      int written = run(sim, n, checkpointEvery, metrics, outputs);
      double seconds = (System.nanoTime() - wall0) / 1e9;
      Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
      outputs.writeMetrics(metrics);
      if (raster != null) {
        outputs.writeSpikes(raster);
      }
      Map<String, Object> summary =
          RunOutputs.summary(sim, metrics, t, seconds, ProjectRuns.sha256(file), finished);
      outputs.writeSummary(summary);
      System.out.printf(
          "ran %d ticks of %s (seed %d, %d threads) in %.2f s; wrote %s%s%n",
          n,
          model.name(),
          sim.seed(),
          t,
          seconds,
          out,
          written > 0 ? " (and " + written + " checkpoints)" : "");
      Path folder = ProjectArgument.folder(project);
      if (!noStore && ProjectFiles.isArchive(project)) {
        System.out.println(
            "not recorded: a packed project has no run store (nvlab unpack it to record runs)");
      }
      if (!noStore && folder != null) {
        outputs.record(folder, sim, metrics, summary, t, started, finished);
      }
      if (seeds != null) {
        writeSeedMeans(model, sim.seed(), n, t);
      }
    }
    return NvlabCommand.OK;
  }

  /** The worker threads asked for, checked (default: all cores). */
  static int threads(Integer threads) {
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1 || t > 1024) {
      throw new CliException(NvlabCommand.USAGE, "--threads must be between 1 and 1024, got " + t);
    }
    return t;
  }

  static void checkEvery(Integer every) {
    if (every != null && every < 1) {
      throw new CliException(
          NvlabCommand.USAGE, "--checkpoint-every must be at least 1 tick, got " + every);
    }
  }

  /** A spike raster attached to the run when asked for, or null (with a note on a rate host). */
  static SpikeRaster spikes(Simulation sim, boolean wanted) {
    if (!wanted) {
      return null;
    }
    if (!sim.spiking()) {
      System.out.println("note: --spikes: this project's host is a rate network, it has no spikes");
      return null;
    }
    return sim.observe(new SpikeRaster(SpikeRaster.ALL));
  }

  /**
   * Runs {@code n} ticks, writing a checkpoint after every tick that is a multiple of {@code every}
   * (when given); returns how many it wrote.
   */
  static int run(
      Simulation sim, int n, Integer every, MetricsRecorder metrics, RunOutputs outputs) {
    int written = 0;
    for (int i = 0; i < n; i++) {
      sim.step();
      if (every != null && sim.tick() % every == 0) {
        outputs.checkpoint(sim, metrics);
        written++;
      }
    }
    return written;
  }

  private void writeSeedMeans(Model model, long first, int n, int t) {
    if (seeds < 1 || seeds > 1_000_000) {
      throw new CliException(NvlabCommand.USAGE, "--seeds must be between 1 and 1000000");
    }
    long wall0 = System.nanoTime();
    SeedAverage avg = SeedAverage.run(model, first, seeds, n, t);
    Path f = out.resolve("mean_counts.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      avg.writeCsv(w);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
    System.out.printf(
        "averaged %d seeds (%d..%d) in %.2f s; wrote %s%n",
        seeds, first, first + seeds - 1, (System.nanoTime() - wall0) / 1e9, f);
  }
}
