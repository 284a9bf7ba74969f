package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.Simulation;
import org.nvlab.core.density.SeedAverage;
import org.nvlab.core.project.ProjectCompiler;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;
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
      "if the store cannot take it, the files are still written and one warning is printed."
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
      names = "--no-store",
      description = "do not record the run in the project's run store (NAME.nvlab/runs/)")
  boolean noStore;

  @Override
  public Integer call() throws ProjectException {
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1 || t > 1024) {
      throw new CliException(NvlabCommand.USAGE, "--threads must be between 1 and 1024, got " + t);
    }
    if (ticks != null && ticks < 0) {
      throw new CliException(NvlabCommand.USAGE, "--ticks must be at least 0, got " + ticks);
    }
    if (seed != null && seed < 0) {
      throw new CliException(NvlabCommand.USAGE, "--seed must be at least 0, got " + seed);
    }
    Path file = ProjectArgument.file(project);
    // Microseconds: what the run store keeps, so summary.json and the store agree.
    Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long wall0 = System.nanoTime();
    try (Simulation sim = Simulation.load(project, seed, t)) {
      // Only now, so that a run refused for its project leaves no empty results folder behind.
      prepareOut();
      int n = ticks != null ? ticks : sim.project().spec().ticks();
      sim.run(n);
      double seconds = (System.nanoTime() - wall0) / 1e9;
      Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
      writeMetrics(sim.metrics());
      Map<String, Object> summary = summary(sim, n, t, seconds, file, finished);
      writeSummary(summary);
      System.out.printf(
          "ran %d ticks of %s (seed %d, %d threads) in %.2f s; wrote %s%n",
          n, sim.project().spec().name(), sim.seed(), t, seconds, out);
      Path folder = ProjectArgument.folder(project);
      if (!noStore && ProjectFiles.isArchive(project)) {
        System.out.println(
            "not recorded: a packed project has no run store (nvlab unpack it to record runs)");
      }
      if (!noStore && folder != null) {
        RunMetadata run =
            RunMetadata.starting(
                    sim.project().spec().name(),
                    (String) summary.get("project_sha256"),
                    sim.seed(),
                    n,
                    t,
                    Versions.lab(),
                    System.getProperty("java.version"),
                    started)
                .finished(finished, (String) summary.get("state_sha256"), RunStatus.FINISHED);
        Long id = record(folder, run, sim.metrics());
        if (id != null) {
          writeSummary(withRunId(summary, id));
        }
      }
      if (seeds != null) {
        writeSeedMeans(sim.seed(), n, t);
      }
    }
    return NvlabCommand.OK;
  }

  private void writeSeedMeans(long first, int n, int t) throws ProjectException {
    if (seeds < 1 || seeds > 1_000_000) {
      throw new CliException(NvlabCommand.USAGE, "--seeds must be between 1 and 1000000");
    }
    ProjectSpec spec = ProjectReader.read(project);
    ProjectCompiler.compile(spec); // problems surface here, before the runs
    long wall0 = System.nanoTime();
    SeedAverage avg =
        SeedAverage.run(
            () -> {
              try {
                return ProjectCompiler.compile(spec);
              } catch (ProjectException e) {
                throw new IllegalStateException(e);
              }
            },
            first,
            seeds,
            n,
            t);
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

  private void prepareOut() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliException(
          NvlabCommand.IO, "cannot create the output folder " + out + ": " + e.getMessage());
    }
  }

  private void writeMetrics(MetricsRecorder m) {
    Path f = out.resolve("metrics.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      m.writeCsv(w);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  /**
   * Records the finished run in the project's store and returns its id; a store that cannot take it
   * costs one warning line, never the run (its files are already written).
   */
  private Long record(Path folder, RunMetadata run, MetricsRecorder metrics) {
    try {
      ProjectRuns.Recorded r = ProjectRuns.record(folder, run, metrics);
      System.out.printf("recorded run %d in %s%n", r.run().id(), r.location());
      return r.run().id();
    } catch (RunStoreException e) {
      warnNotRecorded(e.getMessage());
      return null;
    } catch (RuntimeException | LinkageError e) {
      // A plugin's bug must not turn a run whose files are written into a failed command.
      warnNotRecorded(e.toString());
      return null;
    }
  }

  private void warnNotRecorded(String why) {
    System.err.println(
        "nvlab: warning: the run was not recorded in the run store: "
            + why
            + "; metrics.csv and summary.json are in "
            + out);
  }

  private static Map<String, Object> withRunId(Map<String, Object> summary, long id) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : summary.entrySet()) {
      s.put(e.getKey(), e.getValue());
      if (e.getKey().equals("project")) {
        s.put("run_id", id);
      }
    }
    return s;
  }

  private static Map<String, Object> summary(
      Simulation sim, int n, int t, double seconds, Path projectFile, Instant finished) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("project", sim.project().spec().name());
    s.put("project_sha256", sha256(projectFile));
    s.put("seed", sim.seed());
    s.put("ticks", n);
    s.put("threads", t);
    s.put("versions", Versions.all());
    s.put("finished_at", finished.toString());
    s.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("final_counts", finalCounts(sim));
    s.put("state_sha256", sim.stateHash());
    return s;
  }

  private void writeSummary(Map<String, Object> s) {
    Path f = out.resolve("summary.json");
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(f.toFile(), s);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  /** Per type: the live population and the run's totals of births, deaths by cause, dockings. */
  static Map<String, Object> finalCounts(Simulation sim) {
    MetricsRecorder m = sim.metrics();
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

  private static String sha256(Path f) {
    return ProjectRuns.sha256(f);
  }
}
