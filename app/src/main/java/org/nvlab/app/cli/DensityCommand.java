package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.core.Model;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.density.MeanFieldComparison;
import org.nvlab.core.density.SeedAverage;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab density}: steps the mean-field density model of a project (SPEC section 9). */
@Command(
    name = "density",
    mixinStandardHelpOptions = true,
    description = {
      "Steps the density relaxation of a project and writes DIR/density.csv",
      "(tick,type,node,rho: expected undocked vesicles per node after each tick).",
      "With --compare-seeds R it also averages R seeded engine runs (DIR/mean_counts.csv)",
      "and prints how far the mean field is from them (z-scores, relative drift)."
    })
public final class DensityCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROJECT",
      description = "a NAME.nvlab folder or its project.json")
  Path project;

  @Option(names = "--ticks", paramLabel = "N", description = "ticks (default: the project's)")
  Integer ticks;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
  Path out;

  @Option(names = "--compare-seeds", paramLabel = "R", description = "engine runs to compare with")
  Integer compareSeeds;

  @Option(names = "--seed", paramLabel = "S", description = "first seed of the comparison runs")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "threads for the comparison runs")
  Integer threads;

  @Override
  public Integer call() throws ProjectException {
    ProjectArgument.file(project);
    if (ticks != null && ticks < 0) {
      throw new CliException(NvlabCommand.USAGE, "--ticks must be at least 0, got " + ticks);
    }
    if (compareSeeds != null && (compareSeeds < 2 || compareSeeds > 1_000_000)) {
      throw new CliException(NvlabCommand.USAGE, "--compare-seeds must be between 2 and 1000000");
    }
    ProjectSpec spec = ProjectReader.read(project);
    Model compiled = Model.compile(spec);
    DensityModel model;
    try {
      model = new DensityModel(compiled);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          NvlabCommand.USAGE, "the density model cannot represent this project: " + e.getMessage());
    }
    int n = ticks != null ? ticks : spec.ticks();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot create " + out + ": " + e.getMessage());
    }
    Path f = out.resolve("density.csv");
    long wall0 = System.nanoTime();
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("tick,type,node,rho\n");
      StringBuilder b = new StringBuilder();
      for (int t = 0; t < n; t++) {
        model.step();
        for (int k = 0; k < model.typeCount(); k++) {
          for (int i = 0; i < model.nodeCount(); i++) {
            b.setLength(0);
            b.append(t).append(',').append(model.typeName(k)).append(',').append(i).append(',');
            b.append(model.rho(k, i)).append('\n');
            w.write(b.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + f + ": " + e.getMessage());
    }
    System.out.printf(
        "stepped the density model of %s for %d ticks in %.2f s; wrote %s%n",
        spec.name(), n, (System.nanoTime() - wall0) / 1e9, f);
    for (String a : model.approximations()) {
      System.out.println("note: " + a);
    }
    if (compareSeeds != null) {
      long first = seed != null ? seed : spec.seed();
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      SeedAverage avg = SeedAverage.run(compiled, first, compareSeeds, n, t);
      Path mc = out.resolve("mean_counts.csv");
      try (BufferedWriter w = Files.newBufferedWriter(mc, StandardCharsets.UTF_8)) {
        avg.writeCsv(w);
      } catch (IOException e) {
        throw new CliException(NvlabCommand.IO, "cannot write " + mc + ": " + e.getMessage());
      }
      Map<String, Object> cmp =
          new LinkedHashMap<>(MeanFieldComparison.compare(avg, new DensityModel(compiled)));
      cmp.put("project", spec.name());
      try {
        System.out.println(new ObjectMapper().writeValueAsString(cmp));
      } catch (IOException e) {
        throw new CliException(NvlabCommand.IO, e.getMessage());
      }
    }
    return NvlabCommand.OK;
  }
}
