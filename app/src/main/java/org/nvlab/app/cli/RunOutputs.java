package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.Checkpoints;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.SpikeRaster;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.state.CheckpointException;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * What {@code nvlab run} and {@code nvlab resume} write, the same way: DIR/metrics.csv, DIR/
 * summary.json, DIR/spikes.csv (when asked, on a LIF host), checkpoints named by tick, and the
 * record in the project's run store.
 */
final class RunOutputs {
  private final Path out;

  RunOutputs(Path out) {
    this.out = out;
  }

  /** Creates the output folder (only once the run is sure to start). */
  void prepare() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliException(
          NvlabCommand.IO, "cannot create the output folder " + out + ": " + e.getMessage());
    }
  }

  /** DIR/checkpoint-TICK.nvcheckpoint, the tick zero-padded so that names sort by tick. */
  Path checkpointFile(int tick) {
    return out.resolve(
        String.format(Locale.ROOT, "checkpoint-%08d%s", tick, Checkpoints.EXTENSION));
  }

  /** Writes a checkpoint of the run as it is now, with its metrics; a disk failure stops it. */
  Path checkpoint(Simulation sim, MetricsRecorder metrics) {
    Path f = checkpointFile(sim.tick());
    try {
      Checkpoints.save(sim, metrics, f);
    } catch (CheckpointException e) {
      throw new CliException(NvlabCommand.IO, e.getMessage());
    }
    return f;
  }

  void writeMetrics(MetricsRecorder m) {
    Path f = out.resolve("metrics.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      m.writeCsv(w);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  void writeSpikes(SpikeRaster raster) {
    Path f = out.resolve("spikes.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      raster.writeCsv(w);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  void writeSummary(Map<String, Object> s) {
    Path f = out.resolve("summary.json");
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(f.toFile(), s);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  /** The summary of a run that has reached tick {@code sim.tick()}. */
  static Map<String, Object> summary(
      Simulation sim,
      MetricsRecorder metrics,
      int threads,
      double seconds,
      String projectSha256,
      Instant finished) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("project", sim.model().name());
    s.put("project_sha256", projectSha256);
    s.put("seed", sim.seed());
    s.put("ticks", sim.tick());
    s.put("threads", threads);
    s.put("versions", Versions.all());
    s.put("finished_at", finished.toString());
    s.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("final_counts", finalCounts(sim, metrics));
    s.put("state_sha256", sim.stateHash());
    return s;
  }

  /** Per type: the live population and the run's totals of births, deaths by cause, dockings. */
  static Map<String, Object> finalCounts(Simulation sim, MetricsRecorder m) {
    Map<String, Object> types = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : sim.populationByType().entrySet()) {
      String name = e.getKey();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("population", e.getValue());
      c.put("births", m.total(SeriesName.of(Metric.BIRTHS, name)));
      Map<String, Long> deaths = new LinkedHashMap<>();
      for (DeathCause cause : DeathCause.ALL) {
        deaths.put(cause.label(), m.total(SeriesName.deaths(cause, name)));
      }
      c.put("deaths", deaths);
      c.put("dockings", m.total(SeriesName.of(Metric.DOCKINGS, name)));
      types.put(name, c);
    }
    return types;
  }

  /**
   * Records the finished run in the project's store and returns the summary with its id; a store
   * that cannot take it costs one warning line, never the run (its files are already written).
   */
  Map<String, Object> record(
      Path folder,
      Simulation sim,
      MetricsRecorder metrics,
      Map<String, Object> summary,
      int threads,
      Instant started,
      Instant finished) {
    RunMetadata run =
        ProjectRuns.metadata(
            sim,
            (String) summary.get("project_sha256"),
            sim.tick(),
            threads,
            started,
            finished,
            RunStatus.FINISHED);
    try {
      ProjectRuns.Recorded r = ProjectRuns.record(folder, run, metrics);
      System.out.printf("recorded run %d in %s%n", r.run().id(), r.location());
      Map<String, Object> s = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : summary.entrySet()) {
        s.put(e.getKey(), e.getValue());
        if (e.getKey().equals("project")) {
          s.put("run_id", r.run().id());
        }
      }
      writeSummary(s);
      return s;
    } catch (RunStoreException e) {
      warnNotRecorded(e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      // A plugin's bug must not turn a run whose files are written into a failed command.
      warnNotRecorded(e.toString());
    }
    return summary;
  }

  private void warnNotRecorded(String why) {
    System.err.println(
        "nvlab: warning: the run was not recorded in the run store: "
            + why
            + "; metrics.csv and summary.json are in "
            + out);
  }
}
