package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of saving, again and again, at random moments, and shows that the
 * project on disk is always exactly the old or the new version (and still loads), never a mixture
 * or a truncated file. The child ({@link SaveLoop}) saves two versions of a ~0.5 MB project in turn
 * as fast as it can; SIGKILL gives it no chance to clean up.
 */
class ProjectSaveCrashTest {
  private static final int ROUNDS = 16;

  @TempDir Path dir;

  /** A valid project with a large edge list, so that each save takes a while. */
  private static String version(int seed, int edges) throws ProjectException {
    ObjectNode p = ProjectFiles.load(ProjectFixtures.BASE, "base.json").tree();
    p.put("seed", seed);
    ObjectNode graph = (ObjectNode) p.with("host").with("graph");
    graph.removeAll();
    int n = 200;
    graph.put("builder", "edge-list").put("nodes", n);
    ArrayNode list = graph.putArray("edges");
    Random r = new Random(seed);
    for (int k = 0; k < edges; k++) {
      int from = (k / 100) % n;
      list.addArray().add(from).add((from + 1 + k % 100) % n).add(r.nextGaussian());
    }
    ((ObjectNode) p.with("host")).remove("inputs");
    p.with("host")
        .putArray("inputs")
        .addObject()
        .put("nodes", "all")
        .putObject("signal")
        .put("shape", "sine");
    return CanonicalJson.write(p);
  }

  @Test
  void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewProject() throws Exception {
    String a = version(1, 20_000);
    String b = version(2, 19_000);
    Path fa = Files.writeString(dir.resolve("a.json"), a);
    Path fb = Files.writeString(dir.resolve("b.json"), b);
    Path folder = dir.resolve("crash.nvlab");
    ProjectFiles.save(folder, ProjectReader.parseTree(a, "a"), null);
    byte[] ba = a.getBytes(StandardCharsets.UTF_8);
    byte[] bb = b.getBytes(StandardCharsets.UTF_8);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random r = new Random(20261129);
    int interrupted = 0;
    List<String> seen = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Process child =
          new ProcessBuilder(
                  java,
                  "-Xmx128m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SaveLoop.class.getName(),
                  folder.toString(),
                  fa.toString(),
                  fb.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertEquals("saving", first, "the child did not start saving");
      Thread.sleep(r.nextInt(300));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));

      byte[] now = Files.readAllBytes(folder.resolve("project.json"));
      boolean isA = Arrays.equals(now, ba);
      assertTrue(
          isA || Arrays.equals(now, bb),
          "round " + round + ": project.json is neither version (" + now.length + " bytes)");
      seen.add(isA ? "a" : "b");
      // The backup and the view file are replaced the same way: absent before their first
      // save, whole after it.
      Path bak = folder.resolve("project.json.bak");
      if (Files.exists(bak)) {
        byte[] backup = Files.readAllBytes(bak);
        assertTrue(Arrays.equals(backup, ba) || Arrays.equals(backup, bb), "round " + round);
      }
      Path viewFile = folder.resolve("view.json");
      if (Files.exists(viewFile)) {
        String view = Files.readString(viewFile);
        assertTrue(
            view.equals("{\n  \"version\": \"a\"\n}\n")
                || view.equals("{\n  \"version\": \"b\"\n}\n"),
            view);
      }
      ProjectFiles.load(folder); // and it loads
      try (var s = Files.list(folder)) {
        if (s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
          interrupted++;
        }
      }
    }
    // The kills must have landed inside saves (a temporary file left behind), else this test
    // would prove nothing.
    assertTrue(interrupted > 0, "no kill landed inside a save: " + seen);
    System.out.println(
        "save crash test: "
            + ROUNDS
            + " kills, "
            + interrupted
            + " inside a save (temporary file left), project.json always whole: "
            + seen);
  }
}
