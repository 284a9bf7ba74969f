package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run store from the command line: nvlab run records into NAME.nvlab/runs/runs.duckdb (unless
 * --no-store, and never at the cost of the run's files), nvlab runs lists, nvlab export writes CSV
 * and Parquet. Projects are copies in a temporary folder.
 */
class RunStoreCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path project() {
    return Cli.copyOf("hello-vesicles", dir, "\"seed\"", "\"seed\"");
  }

  private Cli.Result run(Path project, String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                project.toString(),
                "--ticks",
                "20",
                "--threads",
                "2",
                "--out",
                dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aRunOfAProjectFolderIsRecordedAndSummaryJsonNamesItsId() throws IOException {
    Path project = project();
    Cli.Result first = run(project, "a");
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals("", first.err(), first::toString);
    assertEquals(
        "recorded run 1 in " + project.resolve("runs/runs.duckdb"),
        first.outLines().get(1),
        first::toString);
    JsonNode summary = JSON.readTree(dir.resolve("a/summary.json").toFile());
    assertEquals(1, summary.get("run_id").asLong(), summary::toString);
    assertTrue(summary.get("state_sha256").asText().matches("[0-9a-f]{64}"));

    Cli.Result second = run(project.resolve("project.json"), "b", "--seed", "11");
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(2, JSON.readTree(dir.resolve("b/summary.json").toFile()).get("run_id").asLong());

    Cli.Result list = Cli.run("runs", project.toString(), "--json");
    assertEquals(0, list.exitCode(), list::toString);
    JsonNode runs = JSON.readTree(list.out());
    assertEquals(2, runs.size(), list::toString);
    JsonNode newest = runs.get(0);
    assertEquals(2, newest.get("id").asLong(), "newest first");
    assertEquals(11, newest.get("seed").asLong());
    JsonNode older = runs.get(1);
    assertEquals(1, older.get("id").asLong());
    for (String k :
        List.of("project", "project_sha256", "seed", "ticks", "threads", "state_sha256")) {
      assertEquals(summary.get(k), older.get(k), k);
    }
    assertEquals(summary.get("versions").get("nvlab"), older.get("app_version"));
    assertEquals(summary.get("finished_at"), older.get("finished_at"));
    assertEquals("finished", older.get("status").asText());
    assertTrue(older.get("java_version").asText().startsWith(System.getProperty("java.version")));

    Cli.Result table = Cli.run("runs", project.toString());
    assertEquals(0, table.exitCode(), table::toString);
    List<String> lines = table.outLines();
    assertEquals(3, lines.size(), table::toString);
    assertTrue(
        lines.get(0).matches("id +started \\(UTC\\) +seed +ticks +threads +version +state +status"),
        lines.get(0));
    String prefix = summary.get("state_sha256").asText().substring(0, 12);
    assertTrue(
        lines.get(2).matches("1 +\\S+Z +7 +20 +2 +\\S+ +" + prefix + " +finished"), lines.get(2));
    assertTrue(lines.get(1).startsWith("2 "), lines.get(1));
  }

  @Test
  void exportWritesCsvEqualToMetricsCsvAndParquet() throws IOException {
    Path project = project();
    assertEquals(0, run(project, "a").exitCode());
    Path csv = dir.resolve("run1.csv");
    Cli.Result r =
        Cli.run(
            "export", project.toString(), "--run", "1", "--format", "csv", "--out", csv.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("exported run 1 ("), r.out());
    List<String> expected = Files.readAllLines(dir.resolve("a/metrics.csv"));
    List<String> actual = Files.readAllLines(csv);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i).split(",");
      String[] a = actual.get(i).split(",");
      assertEquals(e[0] + "," + e[1], a[0] + "," + a[1], "line " + (i + 1));
      if (i > 0) {
        assertEquals(Float.parseFloat(e[2]), Float.parseFloat(a[2]), "line " + (i + 1));
      }
    }

    Path parquet = dir.resolve("run1.parquet");
    Cli.Result p =
        Cli.run(
            "export",
            project.resolve("project.json").toString(),
            "--run",
            "1",
            "--format",
            "PARQUET",
            "--out",
            parquet.toString());
    assertEquals(0, p.exitCode(), p::toString);
    byte[] bytes = Files.readAllBytes(parquet);
    assertTrue(bytes.length > 8);
    assertEquals("PAR1", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(
        "PAR1", new String(bytes, bytes.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void exportRefusesAnUnknownRunABadFormatAndAnUnwritableFileInOneLine() {
    Path project = project();
    assertEquals(0, run(project, "a").exitCode());
    String out = dir.resolve("x.csv").toString();
    oneLine(
        Cli.run("export", project.toString(), "--run", "9", "--format", "csv", "--out", out),
        NvlabCommand.USAGE,
        "nvlab: no run 9 in " + project + " (nvlab runs " + project + " lists the runs)");
    oneLine(
        Cli.run("export", project.toString(), "--run", "1", "--format", "xlsx", "--out", out),
        NvlabCommand.USAGE,
        "nvlab: --format: the format must be csv or parquet, got 'xlsx'");
    Path nowhere = dir.resolve("no-such-folder/x.csv");
    oneLine(
        Cli.run(
            "export",
            project.toString(),
            "--run",
            "1",
            "--format",
            "csv",
            "--out",
            nowhere.toString()),
        NvlabCommand.IO,
        "nvlab: cannot write "
            + nowhere
            + ": the folder "
            + nowhere.getParent()
            + " does not exist");
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void noStoreLeavesTheProjectAsItWas() throws IOException {
    Path project = project();
    Cli.Result r = run(project, "a", "--no-store");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(1, r.outLines().size(), r::toString);
    assertFalse(Files.exists(project.resolve("runs")));
    assertFalse(JSON.readTree(dir.resolve("a/summary.json").toFile()).has("run_id"));
    Cli.Result list = Cli.run("runs", project.toString());
    assertEquals(0, list.exitCode(), list::toString);
    assertTrue(list.out().startsWith("no runs recorded in " + project), list.out());
    assertEquals("[]", Cli.run("runs", project.toString(), "--json").out().trim());
    assertFalse(Files.exists(project.resolve("runs")), "listing created no store");
  }

  @Test
  void aDamagedStoreCostsTheRunOneWarningButNotItsFiles() throws IOException {
    Path project = project();
    Path store = Files.createDirectories(project.resolve("runs")).resolve("runs.duckdb");
    byte[] damaged = "not a database at all".repeat(500).getBytes();
    Files.write(store, damaged);
    Cli.Result r = run(project, "a");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.errLines().get(0).startsWith("nvlab: warning: the run was not recorded in the run store"),
        r::toString);
    assertTrue(r.err().contains("left untouched"), r::toString);
    assertTrue(Files.size(dir.resolve("a/metrics.csv")) > 100);
    assertFalse(JSON.readTree(dir.resolve("a/summary.json").toFile()).has("run_id"));
    assertArrayEquals(damaged, Files.readAllBytes(store), "the damaged store was changed");

    oneLine(Cli.run("runs", project.toString()), NvlabCommand.IO, null);
  }

  @Test
  void aProjectFileOutsideANvlabFolderRunsWithoutAStoreAndHasNoneToList() throws IOException {
    Path loose = dir.resolve("loose.json");
    Files.copy(Cli.sample("hello-vesicles").resolve("project.json"), loose);
    Cli.Result r = run(loose, "a");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err());
    assertFalse(Files.exists(dir.resolve("runs")));
    oneLine(Cli.run("runs", loose.toString()), NvlabCommand.USAGE, null);
  }

  @Test
  void benchStorePrintsItsFiguresAsOneJsonObject() throws IOException {
    Cli.Result r =
        Cli.run("bench-store", "--rows", "3200", "--baseline-rows", "200", "--reps", "1", "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(1, r.outLines().size(), r::toString);
    JsonNode o = JSON.readTree(r.out());
    assertEquals("duckdb", o.get("store").asText());
    assertEquals(3200, o.get("rows").asLong());
    for (String k :
        List.of("appender_rows_per_s", "jdbc_batch_rows_per_s", "parquet_export_seconds")) {
      assertTrue(o.get(k).asDouble() > 0, k);
    }
  }

  /** The suite runs on copies: the repository's samples never get a runs/ folder. */
  @AfterAll
  static void theRepositorySamplesHoldNoRuns() throws IOException {
    try (Stream<Path> samples = Files.list(Cli.samples())) {
      for (Path s : samples.toList()) {
        assertFalse(Files.exists(s.resolve("runs")), s + " got a runs folder from a test");
      }
    }
  }

  private static void oneLine(Cli.Result r, int code, String message) {
    assertEquals(code, r.exitCode(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    if (message != null) {
      assertEquals(message, r.errLines().get(0), r::toString);
    }
    assertTrue(r.errLines().get(0).startsWith("nvlab: "), r::toString);
  }
}
