package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.bench.DensityBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nvlab bench-density}: the density model's step against memory bandwidth. */
@Command(
    name = "bench-density",
    mixinStandardHelpOptions = true,
    description = {
      "Times the density relaxation's step on the reference workload's graph (a random graph",
      "with fixed out-degree, payload dimension d) and reports bytes moved per step, the",
      "effective bandwidth and its fraction of a STREAM triad measured in the same run.",
      "See docs/performance.md for the byte model."
    })
public final class BenchDensityCommand implements Callable<Integer> {
  @Option(
      names = "--nodes",
      defaultValue = "100000",
      description = "nodes (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(
      names = "--degree",
      defaultValue = "10",
      description = "out-degree (default ${DEFAULT-VALUE})")
  int degree;

  @Option(
      names = "--dim",
      defaultValue = "8",
      description = "payload dimension (default ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--ticks",
      defaultValue = "20",
      description = "steps per repetition (default ${DEFAULT-VALUE})")
  int ticks;

  @Option(
      names = "--reps",
      defaultValue = "5",
      description = "repetitions; the median is reported (default ${DEFAULT-VALUE})")
  int reps;

  @Option(names = "--threads", description = "threads (default: all cores)")
  Integer threads;

  @Option(
      names = "--triad-mib",
      defaultValue = "256",
      description = "MiB per triad array (default ${DEFAULT-VALUE})")
  int triadMib;

  @Override
  public Integer call() throws Exception {
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (nodes < 2 || degree < 1 || degree >= nodes || dim < 1 || ticks < 1 || reps < 1 || t < 1) {
      throw new CliException(
          NvlabCommand.USAGE, "check --nodes, --degree, --dim, --ticks, --reps, --threads");
    }
    Map<String, Object> r = DensityBenchmark.run(nodes, degree, dim, ticks, reps, t, triadMib);
    r.put("versions", Versions.all());
    System.out.println(new ObjectMapper().writeValueAsString(r));
    return NvlabCommand.OK;
  }
}
