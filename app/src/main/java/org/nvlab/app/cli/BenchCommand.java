package org.nvlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.bench.EngineBenchmark;
import org.nvlab.core.bench.ReferenceWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nvlab bench}: the engine on the reference workload, against bandwidth and objects. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the reference workload (random fixed-out-degree graph, static softmax kernel,",
      "~2% docking, ACTIVATION release, exponential lifetimes of mean 50, births replacing",
      "deaths) and reports vesicle-steps per second (median of --reps), a STREAM triad measured",
      "in the same run, the bandwidth bound, and the object-per-vesicle baseline.",
      "See docs/performance.md."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--nodes",
      defaultValue = "10000",
      description = "graph nodes (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(
      names = "--degree",
      defaultValue = "10",
      description = "out-degree (default ${DEFAULT-VALUE})")
  int degree;

  @Option(
      names = "--vesicles",
      defaultValue = "1000000",
      description = "population N (default ${DEFAULT-VALUE})")
  int vesicles;

  @Option(
      names = "--dim",
      defaultValue = "8",
      description = "payload dimension d (default ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--ticks",
      defaultValue = "50",
      description = "ticks per repetition (default ${DEFAULT-VALUE})")
  int ticks;

  @Option(names = "--threads", description = "worker threads (default: all cores)")
  Integer threads;

  @Option(
      names = "--reps",
      defaultValue = "5",
      description = "timed repetitions; the median is reported (default ${DEFAULT-VALUE})")
  int reps;

  @Option(
      names = "--warmup",
      defaultValue = "60",
      description = "ticks before timing (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--no-baseline", description = "skip the object-per-vesicle baseline")
  boolean noBaseline;

  @Option(
      names = "--triad-mib",
      defaultValue = "256",
      description = "MiB per STREAM triad array (default ${DEFAULT-VALUE})")
  int triadMib;

  @Option(names = "--seed", defaultValue = "1", description = "run seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    check(nodes >= 2, "--nodes must be at least 2");
    check(degree >= 1 && degree < nodes, "--degree must be in 1..nodes-1");
    check(vesicles >= 1, "--vesicles must be at least 1");
    check(dim >= 1 && dim <= 1024, "--dim must be in 1..1024");
    check(ticks >= 1 && reps >= 1 && warmup >= 0, "--ticks and --reps must be at least 1");
    check(t >= 1 && t <= 1024, "--threads must be in 1..1024");
    check(triadMib >= 1 && triadMib <= 4096, "--triad-mib must be in 1..4096");
    EngineBenchmark.Options o =
        new EngineBenchmark.Options(
            new ReferenceWorkload(nodes, degree, vesicles, dim),
            ticks,
            t,
            reps,
            warmup,
            !noBaseline,
            triadMib,
            seed);
    Map<String, Object> result = EngineBenchmark.run(o);
    result.put("versions", Versions.all());
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(result));
    } else {
      System.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    }
    return NvlabCommand.OK;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new CliException(NvlabCommand.USAGE, message);
    }
  }
}
