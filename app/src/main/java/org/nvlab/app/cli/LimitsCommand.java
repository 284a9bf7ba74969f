package org.nvlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.limits.AttentionLimit;
import org.nvlab.core.limits.FilmLimit;
import org.nvlab.core.limits.HypernetworkLimit;
import org.nvlab.core.limits.LimitConstruction;
import org.nvlab.core.limits.LimitMeasurement;
import org.nvlab.core.limits.LimitResult;
import org.nvlab.core.limits.LogLogFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nvlab limits film|attention|hypernetwork}: measures one of the paper's limits (SPEC
 * section 10) with the engine; see docs/model.md section 10.
 */
@Command(
    name = "limits",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the paper's limits with the engine: for each N (expected vesicles per tick), the",
      "RMS error of one tick's modulation against the exact tensor mechanism, over ticks and seeds,",
      "and the fitted slope of ln(RMS error) against ln N (-0.5 when the error falls as N^-1/2).",
      "See docs/model.md section 10."
    },
    subcommands = {
      LimitsCommand.Film.class,
      LimitsCommand.Attention.class,
      LimitsCommand.Hypernetwork.class
    })
public final class LimitsCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new CliException(
        NvlabCommand.USAGE,
        "name the limit to measure: nvlab limits film, attention or hypernetwork (see nvlab limits"
            + " --help)");
  }

  /** The options every limit takes, and the run. */
  abstract static class Measure implements Callable<Integer> {
    /** The engine's emission accepts lambdaMax up to 1e6. */
    static final int MAX_N = 1_000_000;

    @Option(
        names = "--n",
        split = ",",
        paramLabel = "N[,N...]",
        defaultValue = "10,100,1000,10000,100000",
        description =
            "expected vesicles per tick, a comma-separated list (default ${DEFAULT-VALUE})")
    int[] n;

    @Option(
        names = "--seeds",
        defaultValue = "20",
        description = "run seeds 1..S per N (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(
        names = "--ticks",
        defaultValue = "10",
        description = "measured ticks per seed (default ${DEFAULT-VALUE})")
    int ticks;

    @Option(
        names = "--threads",
        description = "worker threads; seeds run side by side (default: all cores)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    abstract LimitConstruction construction();

    @Override
    public Integer call() throws JsonProcessingException {
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      check(n.length >= 1, "--n needs at least one N");
      Set<Integer> seen = new HashSet<>();
      for (int v : n) {
        check(v >= 1 && v <= MAX_N, "--n values must be in 1.." + MAX_N + ", got " + v);
        check(seen.add(v), "--n gives " + v + " twice");
      }
      check(seeds >= 1 && seeds <= 100_000, "--seeds must be in 1..100000");
      check(ticks >= 1 && ticks <= 100_000, "--ticks must be in 1..100000");
      check(t >= 1 && t <= 1024, "--threads must be in 1..1024");
      LimitConstruction c = construction();
      LimitResult r = LimitMeasurement.run(c, n, seeds, ticks, t);
      if (json) {
        Map<String, Object> m = r.toMap();
        m.put("threads", t);
        m.put("versions", Versions.all());
        System.out.println(new ObjectMapper().writeValueAsString(m));
      } else {
        print(r);
      }
      return NvlabCommand.OK;
    }

    private static void print(LimitResult r) {
      System.out.printf(
          Locale.ROOT,
          "%s limit: %s%nper tick, over %d seeds x %d ticks%n%n",
          r.limit(),
          r.mechanism(),
          r.seeds(),
          r.ticks());
      System.out.printf(
          Locale.ROOT, "%10s  %12s  %12s  %12s%n", "N", "rms error", "rms signal", "relative");
      for (LimitResult.Row row : r.rows()) {
        System.out.printf(
            Locale.ROOT,
            "%10d  %12.4g  %12.4g  %12.4g%n",
            row.vesicles(),
            row.rmsError(),
            row.rmsSignal(),
            row.relativeError());
      }
      LogLogFit f = r.fit();
      if (f != null) {
        System.out.printf(
            Locale.ROOT,
            "%nslope of ln(rms error) against ln N: %.4f +- %.4f (intercept %.4f)%n",
            f.slope(),
            f.slopeStandardError(),
            f.intercept());
      }
      System.out.printf(
          Locale.ROOT,
          "slope within 0.1 of -0.5: %s; relative error below 1%% at N = %d: %s%n",
          f == null ? "not fitted (give two or more N)" : r.slopeAccepted() ? "yes" : "no",
          r.largest().vesicles(),
          r.errorAccepted() ? "yes" : "no");
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new CliException(NvlabCommand.USAGE, message);
      }
    }
  }

  @Command(
      name = "film",
      mixinStandardHelpOptions = true,
      description =
          "FiLM: gamma = G (E z + u), beta = B (E z + u) from one tick of ACTIVATION releases")
  static final class Film extends Measure {
    @Override
    LimitConstruction construction() {
      return FilmLimit.standard();
    }
  }

  @Command(
      name = "attention",
      mixinStandardHelpOptions = true,
      description =
          "Attention: sum_j softmax_j(q.k_j/sqrt(d)) v_j from query vesicles and their cascades")
  static final class Attention extends Measure {
    @Override
    LimitConstruction construction() {
      return AttentionLimit.standard();
    }
  }

  @Command(
      name = "hypernetwork",
      mixinStandardHelpOptions = true,
      description = "Hypernetwork: Delta W_ij = (U c)_i (V c)_j from low-rank PARAMETER releases")
  static final class Hypernetwork extends Measure {
    @Override
    LimitConstruction construction() {
      return HypernetworkLimit.standard();
    }
  }
}
