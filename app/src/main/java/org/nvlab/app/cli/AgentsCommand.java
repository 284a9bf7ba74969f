package org.nvlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.limits.AgentsCondition;
import org.nvlab.core.limits.AgentsDesign;
import org.nvlab.core.limits.AgentsOutcome;
import org.nvlab.core.limits.AgentsReport;
import org.nvlab.core.limits.SparseAgents;
import org.nvlab.core.limits.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nvlab agents}: the sparse-agents demonstration (SPEC section 10), headless. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the sparse-agents comparison on one task and one set of seeds: the host alone,",
      "4 long-lived agents that seek the largest error, dock and dwell raising its learning",
      "rate, and 300 short-lived random-walk vesicles that release the same total payload",
      "(matched per seed from the measured releases). Prints per condition the median",
      "[min, max] over seeds of the final and window loss, the loss reduction against no",
      "vesicles, dockings, released payload, reduction per docking and per unit of payload,",
      "and where the dockings landed. See docs/model.md, 'Sparse agents, measured'."
    })
public final class AgentsCommand implements Callable<Integer> {

  @Option(
      names = "--ticks",
      paramLabel = "N",
      description = "ticks per run (default: ${DEFAULT-VALUE})",
      defaultValue = "4000")
  int ticks;

  @Option(
      names = "--window",
      paramLabel = "W",
      description =
          "the last ticks over which the loss is averaged (default: a quarter of --ticks)")
  Integer window;

  @Option(
      names = "--seeds",
      paramLabel = "K",
      description =
          "run seeds 1..K; seed s fixes the network and the dynamics (default: ${DEFAULT-VALUE})",
      defaultValue = "5")
  int seeds;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "engine threads per run (default: 1); results do not depend on it")
  Integer threads;

  @Option(names = "--json", description = "print one JSON object (every seed's numbers too)")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    int t = threads != null ? threads : 1;
    check(t >= 1 && t <= 1024, "--threads must be between 1 and 1024, got " + t);
    check(ticks >= 1, "--ticks must be at least 1, got " + ticks);
    int w = window != null ? window : Math.max(1, ticks / 4);
    check(w >= 1 && w <= ticks, "--window must be between 1 and --ticks (" + ticks + "), got " + w);
    check(seeds >= 1 && seeds <= 1000, "--seeds must be between 1 and 1000, got " + seeds);
    long[] list = new long[seeds];
    for (int s = 0; s < seeds; s++) {
      list[s] = s + 1;
    }
    AgentsReport report = SparseAgents.run(AgentsDesign.standard().withTicks(ticks, w), list, t);
    if (json) {
      Map<String, Object> m = report.toMap();
      m.put("versions", Versions.all());
      System.out.println(new ObjectMapper().writeValueAsString(m));
    } else {
      System.out.print(table(report));
    }
    return NvlabCommand.OK;
  }

  /** The report as a table: one row per quantity, median [min, max] over seeds per condition. */
  static String table(AgentsReport r) {
    StringBuilder b = new StringBuilder();
    AgentsDesign d = r.design();
    b.append(
        String.format(
            Locale.ROOT,
            "sparse agents vs dense vesicles of the same payload: seeds 1..%d, %d ticks,"
                + " loss averaged over the last %d%n",
            r.seeds().length,
            d.ticks(),
            d.window()));
    b.append(String.format(Locale.ROOT, "median [min, max] over seeds%n%n"));
    b.append(String.format(Locale.ROOT, "%-26s", "quantity"));
    for (AgentsCondition c : AgentsCondition.values()) {
      b.append(String.format(Locale.ROOT, "%-32s", c.label()));
    }
    endLine(b);
    for (Map.Entry<String, ToDoubleFunction<AgentsOutcome>> q :
        AgentsReport.QUANTITIES.entrySet()) {
      b.append(String.format(Locale.ROOT, "%-26s", q.getKey()));
      for (AgentsCondition c : AgentsCondition.values()) {
        b.append(String.format(Locale.ROOT, "%-32s", cell(r.spread(c, q.getValue()))));
      }
      endLine(b);
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nchance share of the top-|e| site: %.3f (top three: %.3f) over %d docking sites%n",
            1.0 / r.sites(),
            3.0 / r.sites(),
            r.sites()));
    b.append(
        String.format(
            Locale.ROOT,
            "payload matched: a dense vesicle carries %s, so dense/sparse released payload = %s%n",
            cell(r.densePayload()),
            cell(r.payloadMatch(), "%.7f")));
    b.append(
        String.format(
            Locale.ROOT,
            "an agent's docking buys %s times the loss reduction of a dense vesicle's%n",
            cell(r.perDockingAdvantage())));
    b.append(
        String.format(
            Locale.ROOT,
            "and the same payload buys %s times the loss reduction where the agents put it%n",
            cell(r.perPayloadAdvantage())));
    return b.toString();
  }

  /** Drops the padding at the end of the line being written, then ends it. */
  private static void endLine(StringBuilder b) {
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
    b.append(System.lineSeparator());
  }

  /** Counts print as whole numbers, everything else with three significant digits. */
  private static String cell(Spread s) {
    boolean whole =
        s.count() > 0
            && Math.abs(s.max()) < 1e12
            && Math.abs(s.min()) < 1e12
            && s.median() == Math.rint(s.median())
            && s.min() == Math.rint(s.min())
            && s.max() == Math.rint(s.max());
    return cell(s, whole ? "%.0f" : "%.3g");
  }

  private static String cell(Spread s, String f) {
    if (s.count() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", s.median(), s.min(), s.max());
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new CliException(NvlabCommand.USAGE, message);
    }
  }
}
