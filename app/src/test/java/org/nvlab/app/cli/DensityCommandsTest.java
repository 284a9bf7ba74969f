package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The density model's commands: {@code density} writes density.csv (and compares with seeded runs),
 * {@code run --seeds} writes mean_counts.csv in the same shape, {@code train} writes a loss curve
 * and a trained project that validates, {@code bench-density} prints its figures.
 */
class DensityCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void densityAndSeedMeansWriteComparableTables() throws IOException {
    Path out = dir.resolve("d");
    Cli.Result r =
        Cli.run(
            "density",
            Cli.sample("hello-vesicles").toString(),
            "--ticks",
            "10",
            "--out",
            out.toString(),
            "--compare-seeds",
            "20",
            "--threads",
            "2");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> rho = Files.readAllLines(out.resolve("density.csv"));
    assertEquals("tick,type,node,rho", rho.get(0));
    assertEquals(1 + 10 * 34, rho.size()); // 10 ticks x 1 type x 34 nodes
    String json = r.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    JsonNode cmp = JSON.readTree(json);
    assertEquals(20, cmp.get("runs").asInt());
    assertTrue(cmp.get("cells").asInt() > 0);

    Path run = dir.resolve("r");
    Cli.Result s =
        Cli.run(
            "run",
            Cli.sample("hello-vesicles").toString(),
            "--ticks",
            "10",
            "--seeds",
            "5",
            "--out",
            run.toString());
    assertEquals(0, s.exitCode(), s::toString);
    List<String> mean = Files.readAllLines(run.resolve("mean_counts.csv"));
    assertEquals("tick,type,node,mean,stderr", mean.get(0));
    assertEquals(rho.size(), mean.size());
    assertEquals(
        rho.get(5).split(",")[2], mean.get(5).split(",")[2], "the same (tick, type, node) rows");
  }

  @Test
  void densityRefusesWhatItCannotModelInOneLine() throws IOException {
    Path p = dir.resolve("capped.nvlab");
    Files.createDirectories(p);
    String json =
        Files.readString(Cli.sample("hello-vesicles").resolve("project.json"))
            .replace("\"name\": \"modulator\",", "\"name\": \"modulator\", \"cap\": 5,");
    Files.writeString(p.resolve("project.json"), json);
    Cli.Result r =
        Cli.run("density", p.toString(), "--ticks", "3", "--out", dir.resolve("x").toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("population caps"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void trainWritesALossCurveAndATrainedProjectThatValidates() throws IOException {
    Path out = dir.resolve("t");
    Cli.Result r =
        Cli.run(
            "train",
            "release",
            "--steps",
            "20",
            "--engine-seeds",
            "2",
            "--out",
            out.toString(),
            "--json");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.get("loss_final").asDouble() < j.get("loss_initial").asDouble());
    assertEquals(21, Files.readAllLines(out.resolve("loss_curve.csv")).size());
    Cli.Result v = Cli.run("validate", out.resolve("release-trained.nvlab").toString());
    assertEquals(0, v.exitCode(), v::toString);
    Cli.Result bad = Cli.run("train", "flying");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("routing, release"), bad.err());
  }

  @Test
  void benchDensityPrintsItsFigures() throws IOException {
    Cli.Result r =
        Cli.run(
            "bench-density",
            "--nodes",
            "2000",
            "--ticks",
            "2",
            "--reps",
            "2",
            "--triad-mib",
            "8",
            "--threads",
            "2");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode j = JSON.readTree(r.out());
    for (String k :
        new String[] {
          "step_ms",
          "bytes_streamed_per_step",
          "effective_gbps",
          "stream_triad_gbps",
          "fraction_of_triad"
        }) {
      assertTrue(j.get(k).asDouble() > 0, k);
    }
  }
}
