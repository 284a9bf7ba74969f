package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * {@code nvlab run} writes the metrics and the summary it promises, and its final state hash is a
 * function of project and seed only, not of the thread count.
 */
class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void runWritesMetricsCsvAndSummaryJson() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result r =
        Cli.run(
            "run",
            Cli.sample("hello-vesicles").toString(),
            "--ticks",
            "25",
            "--threads",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertTrue(r.out().startsWith("ran 25 ticks of hello-vesicles (seed 7, 2 threads)"), r.out());

    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertEquals("tick,series,value", csv.get(0));
    Map<String, List<long[]>> series = new LinkedHashMap<>(); // name -> (tick, value) rows
    Map<String, Double> lastValue = new LinkedHashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      assertEquals(3, f.length, line);
      int tick = Integer.parseInt(f[0]);
      double v = Double.parseDouble(f[2]);
      assertTrue(tick >= 0 && tick < 25, line);
      series.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new long[] {tick, (long) v});
      lastValue.put(f[1], v);
    }
    Set<String> expected = new TreeSet<>();
    expected.add("population.modulator");
    expected.add("births.modulator");
    expected.add("dockings.modulator");
    for (DeathCause c : DeathCause.ALL) {
      expected.add("deaths." + c.label() + ".modulator");
    }
    expected.add("mean_abs_gamma");
    expected.add("mean_activation");
    assertTrue(series.keySet().containsAll(expected), "series: " + series.keySet());
    for (String s : expected) {
      List<long[]> rows = series.get(s);
      assertEquals(25, rows.size(), s + " is not recorded once per tick");
      for (int t = 0; t < 25; t++) {
        assertEquals(t, rows.get(t)[0], s + " rows are not in tick order");
      }
    }

    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertEquals(7, summary.get("seed").asLong(), "the project's seed");
    assertEquals(25, summary.get("ticks").asInt());
    assertEquals(2, summary.get("threads").asInt());
    for (String k : List.of("nvlab", "java", "os")) {
      assertTrue(summary.get("versions").hasNonNull(k), "versions." + k);
    }
    assertTrue(summary.get("state_sha256").asText().matches("[0-9a-f]{64}"), summary.toString());
    JsonNode counts = summary.get("final_counts").get("modulator");
    long births = sum(series.get("births.modulator"));
    long deaths = 0;
    for (DeathCause c : DeathCause.ALL) {
      long d = sum(series.get("deaths." + c.label() + ".modulator"));
      assertEquals(d, counts.get("deaths").get(c.label()).asLong(), c.label());
      deaths += d;
    }
    long population = counts.get("population").asLong();
    assertTrue(births > 0, "the sample emits vesicles within 25 ticks");
    assertEquals(births, counts.get("births").asLong());
    assertEquals(sum(series.get("dockings.modulator")), counts.get("dockings").asLong());
    assertEquals(lastValue.get("population.modulator"), (double) population);
    assertEquals(births - deaths, population, "every vesicle born is alive or died of one cause");
  }

  @Test
  void theFinalStateHashDependsOnTheSeedButNotOnTheThreadCount() throws IOException {
    for (String sample :
        List.of("hello-vesicles", "spiking-dopamine", "sparse-agents", "dense-modulators")) {
      String one = hashOf(sample, "1", null);
      assertEquals(one, hashOf(sample, "2", null), sample + ": 2 threads differ from 1");
      assertEquals(one, hashOf(sample, "4", null), sample + ": 4 threads differ from 1");
      assertNotEquals(one, hashOf(sample, "2", "12345"), sample + ": --seed changed nothing");
    }
  }

  @Test
  void theSeedGivenOnTheCommandLineIsRecorded() throws IOException {
    Path out = dir.resolve("seeded");
    Cli.Result r =
        Cli.run(
            "run",
            Cli.sample("hello-vesicles").toString(),
            "--ticks",
            "3",
            "--seed",
            "99",
            "--threads",
            "1",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(99, JSON.readTree(out.resolve("summary.json").toFile()).get("seed").asLong());
  }

  private String hashOf(String sample, String threads, String seed) throws IOException {
    Path out = dir.resolve(sample + "-" + threads + "-" + seed);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                Cli.sample(sample).toString(),
                "--ticks",
                "40",
                "--threads",
                threads,
                "--out",
                out.toString()));
    if (seed != null) {
      args.add("--seed");
      args.add(seed);
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    long live = 0;
    for (JsonNode type : summary.get("final_counts")) {
      live += type.get("population").asLong();
    }
    assertTrue(live > 0, sample + ": no live vesicles, so the hash would not cover any");
    return summary.get("state_sha256").asText();
  }

  private static long sum(List<long[]> rows) {
    long s = 0;
    for (long[] row : rows) {
      s += row[1];
    }
    return s;
  }
}
