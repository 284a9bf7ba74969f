package org.nvlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreProvider.Access;
import org.nvlab.core.record.RunStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab runs}: the runs recorded in a project's run store, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the runs recorded in PROJECT's run store (NAME.nvlab/runs/runs.duckdb), newest",
      "first: id, start time (UTC), seed, ticks, threads, lab version, the start of the final",
      "state hash, status. See docs/run-store.md for querying the store with SQL."
    })
public final class RunsCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROJECT",
      description = "a NAME.nvlab folder or its project.json")
  Path project;

  @Option(names = "--json", description = "print one JSON array, every field of every run")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    Path folder = ProjectArgument.storeFolder(project);
    List<RunMetadata> runs;
    try (RunStore store = RunStores.open(folder, Access.READ_ONLY)) {
      runs = store.runs();
    } catch (RunStoreException e) {
      if (e.reason() != RunStoreException.Reason.NOT_FOUND) {
        throw Stores.cli(e);
      }
      runs = List.of();
    }
    if (json) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (RunMetadata r : runs) {
        out.add(json(r));
      }
      System.out.println(new ObjectMapper().writeValueAsString(out));
    } else if (runs.isEmpty()) {
      System.out.println(
          "no runs recorded in "
              + folder
              + " yet (nvlab run "
              + folder
              + " --out DIR records one)");
    } else {
      table(runs);
    }
    return NvlabCommand.OK;
  }

  static Map<String, Object> json(RunMetadata r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("project", r.project());
    m.put("project_sha256", r.projectSha256());
    m.put("seed", r.seed());
    m.put("ticks", r.ticks());
    m.put("threads", r.threads());
    m.put("app_version", r.appVersion());
    m.put("java_version", r.javaVersion());
    m.put("started_at", r.startedAt().toString());
    m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    m.put("state_sha256", r.stateSha256());
    m.put("status", r.status().label());
    return m;
  }

  private static void table(List<RunMetadata> runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "id", "started (UTC)", "seed", "ticks", "threads", "version", "state", "status"
        });
    for (RunMetadata r : runs) {
      String state = r.stateSha256() == null ? "-" : r.stateSha256();
      rows.add(
          new String[] {
            Long.toString(r.id()),
            r.startedAt().toString(),
            Long.toString(r.seed()),
            Integer.toString(r.ticks()),
            Integer.toString(r.threads()),
            r.appVersion() == null ? "-" : r.appVersion(),
            state.substring(0, Math.min(12, state.length())),
            r.status().label()
          });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        width[k] = Math.max(width[k], row[k].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < row.length; k++) {
        if (k > 0) {
          b.append("  ");
        }
        b.append(k == row.length - 1 ? row[k] : String.format("%-" + width[k] + "s", row[k]));
      }
      System.out.println(b);
    }
  }
}
