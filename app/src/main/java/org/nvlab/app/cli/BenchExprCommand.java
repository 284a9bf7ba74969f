package org.nvlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.bench.ExpressionSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nvlab bench-expr}: a compiled user expression against the same formula in Java. */
@Command(
    name = "bench-expr",
    mixinStandardHelpOptions = true,
    description = {
      "Times the user expression " + ExpressionSpeed.EXPRESSION + ", compiled to bytecode,",
      "against the same formula written in Java, in one process with the repetitions",
      "interleaved, and reports ns per evaluation (median of --reps) and their ratio (median",
      "of the repetitions' ratios; the target is at most 1.5). Also: the compiled expression",
      "behind a megamorphic call site,",
      "the tree-walking interpreter, and the time to compile. See docs/performance.md."
    })
public final class BenchExprCommand implements Callable<Integer> {

  @Option(
      names = "--rows",
      defaultValue = "1024",
      description = "rows of variable values cycled through (default ${DEFAULT-VALUE})")
  int rows;

  @Option(
      names = "--evaluations",
      defaultValue = "20000000",
      description = "evaluations per timed repetition (default ${DEFAULT-VALUE})")
  long evaluations;

  @Option(
      names = "--reps",
      defaultValue = "11",
      description = "timed repetitions; the median is reported (default ${DEFAULT-VALUE})")
  int reps;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "untimed repetitions first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "values seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object on one line")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    check(rows >= 1 && rows <= 1 << 24, "--rows must be in 1..16777216");
    check(evaluations >= rows, "--evaluations must be at least --rows");
    check(reps >= 1 && reps <= 1000, "--reps must be in 1..1000");
    check(warmup >= 0 && warmup <= 1000, "--warmup must be in 0..1000");
    Map<String, Object> result =
        ExpressionSpeed.run(new ExpressionSpeed.Options(rows, evaluations, reps, warmup, seed));
    result.put("versions", Versions.all());
    ObjectMapper mapper = new ObjectMapper();
    if (!json) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    System.out.println(mapper.writeValueAsString(result));
    return NvlabCommand.OK;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new CliException(NvlabCommand.USAGE, message);
    }
  }
}
