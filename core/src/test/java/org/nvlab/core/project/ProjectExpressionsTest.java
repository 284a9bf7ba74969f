package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.process.SimulationException;

/**
 * User expressions in project files (SPEC section 8): emission rates, kernel scores, docking logits
 * and release maps. An expression written to mean the same as the numbers it replaces runs the very
 * same simulation (same state hash); a bad one is refused at its JSON pointer with the column and
 * the reason; a hostile one does nothing; one that gives NaN stops the run with a message naming
 * it.
 */
class ProjectExpressionsTest {

  @TempDir Path dir;

  /** A 4-8-8-2 rate network with one vesicle type; the fields under test are spliced in. */
  private static String project(String emission, String kernel, String docking, String release) {
    return """
        {"formatVersion": 2, "name": "expressions", "seed": 7, "ticks": 60,
         "host": {"kind": "rate",
                  "graph": {"builder": "layered", "layers": [4, 8, 8, 2]},
                  "inputs": [{"nodes": {"layer": 0},
                              "signal": {"shape": "sine", "amplitude": 1, "period": 12,
                                         "phaseStep": 2}}],
                  "memoryDim": 2, "memoryInit": {"std": 1}},
         "globals": {"z": [{"shape": "sine", "period": 30}]},
         "vesicleTypes": [
           {"name": "modulator", "payloadDim": 2,
            "emission": {"mode": "poisson", %s, "payload": {"offset": [0.5, -0.25]}},
            "lifetime": {"mean": 10},
            "kernel": {"neighbourhood": "both", %s},
            "docking": {%s},
            "release": [%s]}]}
        """
        .formatted(emission, kernel, docking, release);
  }

  private static final String EMISSION =
      "\"lambdaMax\": 4, \"weights\": {\"activation\": 2}, \"bias\": -1";
  private static final String EMISSION_X =
      "\"lambdaMax\": 4, \"rate\": \"4 / (1 + exp(-(2 * a_i - 1)))\"";
  private static final String KERNEL =
      "\"theta\": {\"bias\": 1, \"weight\": 0.5, \"activation\": 2}";
  private static final String KERNEL_X = "\"score\": \"(1 - stay) + 0.5 * w_ij + 2 * a_j\"";
  private static final String DOCKING = "\"bias\": -2, \"weights\": {\"activation\": 1}";
  private static final String DOCKING_X = "\"logit\": \"-2 + a_i\"";
  private static final String RELEASE =
      "{\"kind\": \"activation\", \"gain\": [0.5, 0.25], \"bias\": [0, 0.125]},"
          + " {\"kind\": \"learning\", \"l\": [1, 0]}";
  private static final String RELEASE_X =
      "{\"kind\": \"activation\", \"gain\": \"0.5 * c[0] + 0.25 * c[1]\","
          + " \"bias\": \"0.125 * c[1]\"}, {\"kind\": \"learning\", \"l\": \"c[0]\"}";

  private static String hash(String json, int threads) throws Exception {
    ProjectSpec spec = ProjectFiles.load(json, "project.json").spec();
    try (Simulation sim = TestProjects.recorded(Model.compile(spec, "project.json"), 7, threads)) {
      sim.run(60);
      assertTrue(EngineAccess.metrics(sim).last("population.modulator") > 0, "nothing happened");
      return sim.stateHash();
    }
  }

  @Test
  void eachExpressionWrittenToMeanItsNumbersRunsTheSameSimulation() throws Exception {
    String numbers = hash(project(EMISSION, KERNEL, DOCKING, RELEASE), 2);
    assertEquals(numbers, hash(project(EMISSION_X, KERNEL, DOCKING, RELEASE), 2), "emission rate");
    assertEquals(numbers, hash(project(EMISSION, KERNEL_X, DOCKING, RELEASE), 2), "kernel score");
    assertEquals(numbers, hash(project(EMISSION, KERNEL, DOCKING_X, RELEASE), 2), "docking logit");
    assertEquals(numbers, hash(project(EMISSION, KERNEL, DOCKING, RELEASE_X), 2), "release maps");
    assertEquals(numbers, hash(project(EMISSION_X, KERNEL_X, DOCKING_X, RELEASE_X), 1), "all four");
  }

  @Test
  void expressionsOverTheVesicleGiveTheSameRunOnAnyThreadCount() throws Exception {
    String json =
        project(
            EMISSION,
            "\"score\": \"(1 - stay) + dot(c, m_j) + 0.1 * t / 60 - 0.5 * abs(e_j) + z[0]\"",
            "\"logit\": \"-3 + 2 * c[0] * g_i + norm(m_i)\"",
            RELEASE_X);
    assertEquals(hash(json, 1), hash(json, 2));
    assertEquals(hash(json, 1), hash(json, 4));
  }

  @Test
  void aKernelScoreOverThePayloadSteersEachVesicle() throws Exception {
    // Greedy (T = 0) along out-edges: a vesicle with c0 = 1 always moves forward, one with c0 = -1
    // always stays (staying scores 0, a move c0).
    for (String c0 : new String[] {"1", "-1"}) {
      String json =
          """
          {"formatVersion": 2, "name": "steer", "seed": 1, "ticks": 5,
           "host": {"kind": "rate", "graph": {"builder": "layered", "layers": [1, 3, 3]}},
           "vesicleTypes": [{"name": "v", "payloadDim": 1,
             "emission": {"mode": "poisson", "rate": "t == 0 ? 20 : 0", "emitters": [0],
                          "payload": {"offset": [%s]}},
             "lifetime": {"law": "fixed", "value": 100},
             "kernel": {"temperature": 0, "score": "c[0] * dir"},
             "docking": {"logit": "-1000"}}]}
          """
              .formatted(c0);
      ProjectSpec spec = ProjectFiles.load(json, "project.json").spec();
      try (Simulation sim = TestProjects.recorded(Model.compile(spec), 1, 2)) {
        sim.run(3);
        var pool = EngineAccess.engine(sim).population().pool(0);
        assertTrue(pool.size() > 5, "born: " + pool.size());
        for (int s = 0; s < pool.size(); s++) {
          int node = pool.node()[s];
          if (c0.equals("1")) {
            assertTrue(node >= 4, "after two moves a forward vesicle is in the last layer");
          } else {
            assertEquals(0, node, "a vesicle told to stay stays");
          }
        }
      }
    }
  }

  /** The example of the issue: an unknown variable, named with its column at its pointer. */
  @Test
  void anUnknownVariableIsNamedAtItsPointerWithItsColumn() {
    String json = project(EMISSION, "\"score\": \"a_j + 2 * a_k\"", DOCKING, RELEASE);
    ProjectException e =
        assertThrows(ProjectException.class, () -> ProjectFiles.load(json, "project.json"));
    assertEquals(1, e.problems().size(), e.getMessage());
    String p = e.problems().get(0).toString();
    assertTrue(
        p.startsWith(
            "project.json:/vesicleTypes/0/kernel/score: unknown variable 'a_k' at column 10"),
        p);
    assertTrue(p.contains("a_i") && p.contains("w_ij") && p.contains("m_j[2]"), p);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "emission | \"rate\": \"c[0]\" | /vesicleTypes/0/emission/rate | unknown vector 'c'",
        "kernel | \"score\": \"a_j < \" | /vesicleTypes/0/kernel/score | column 6",
        "docking | \"logit\": \"w_ij\" | /vesicleTypes/0/docking/logit | unknown variable 'w_ij'",
        "release | \"gain\": \"c[2]\" | /vesicleTypes/0/release/0/gain | index 2 is out of range",
        "release | \"gain\": \"n + \" | /vesicleTypes/0/release/0/gain | column 4",
        "kernel | \"score\": 5 | /vesicleTypes/0/kernel/score | must be an expression (text), got 5",
      })
  void aBadExpressionIsRefusedAtItsPointer(
      String where, String field, String pointer, String reason) {
    String json =
        switch (where) {
          case "emission" -> project("\"lambdaMax\": 1, " + field, KERNEL, DOCKING, RELEASE);
          case "kernel" -> project(EMISSION, field, DOCKING, RELEASE);
          case "docking" -> project(EMISSION, KERNEL, field, RELEASE);
          default ->
              project(EMISSION, KERNEL, DOCKING, "{\"kind\": \"activation\", " + field + "}");
        };
    ProjectException e =
        assertThrows(ProjectException.class, () -> ProjectFiles.load(json, "project.json"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(pointer, e.problems().get(0).pointer());
    assertTrue(e.problems().get(0).message().contains(reason), e.getMessage());
  }

  @Test
  void anExpressionAndTheNumbersItReplacesAreNotBothAccepted() {
    List<Problem> p =
        ProjectFixtures.problems(
            project(
                EMISSION + ", \"rate\": \"1\"",
                KERNEL + ", \"score\": \"1\"",
                DOCKING + ", \"logit\": \"1\"",
                RELEASE));
    List<String> pointers = p.stream().map(Problem::pointer).sorted().toList();
    assertEquals(
        List.of(
            "/vesicleTypes/0/docking/bias",
            "/vesicleTypes/0/docking/weights",
            "/vesicleTypes/0/emission/bias",
            "/vesicleTypes/0/emission/weights",
            "/vesicleTypes/0/kernel/theta"),
        pointers,
        p.toString());
    assertTrue(p.get(0).message().contains("not both"), p.toString());
  }

  /** Hostile text in a project file: refused with a message, and nothing runs. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Runtime.getRuntime().exec('touch MARKER')",
        "java.lang.Runtime.getRuntime()",
        "Class.forName(\\\"java.lang.Runtime\\\")",
        "new java.io.File(\\\"MARKER\\\")",
        "System.exit(1)",
        "exec(\\\"touch MARKER\\\")",
        "a_j; touch MARKER",
        "\\\\u0061_j",
        "T(java.lang.Runtime).getRuntime()",
        "${jndi:ldap://example.org/a}",
      })
  void aHostileExpressionIsRefusedAndDoesNothing(String hostile) throws Exception {
    Path marker = dir.resolve("MARKER");
    String text = hostile.replace("MARKER", marker.toString());
    Path folder = Files.createDirectory(dir.resolve("hostile.nvlab"));
    Files.writeString(
        folder.resolve("project.json"),
        project(EMISSION, "\"score\": \"" + text + "\"", DOCKING, RELEASE));
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.load(folder));
    assertEquals("/vesicleTypes/0/kernel/score", e.problems().get(0).pointer(), e.getMessage());
    assertFalse(e.problems().get(0).message().isBlank());
    assertFalse(Files.exists(marker));
  }

  @Test
  void veryDeepNestingAndEnormousLiteralsAreRefusedInAProject() {
    String deep = "(".repeat(500) + "a_j" + ")".repeat(500);
    ProjectException e =
        assertThrows(
            ProjectException.class,
            () ->
                ProjectFiles.load(
                    project(EMISSION, "\"score\": \"" + deep + "\"", DOCKING, RELEASE), "p"));
    assertTrue(e.getMessage().contains("nests too deeply"), e.getMessage());
    String huge = "1" + "0".repeat(400);
    e =
        assertThrows(
            ProjectException.class,
            () ->
                ProjectFiles.load(
                    project(EMISSION, "\"score\": \"" + huge + " * a_j\"", DOCKING, RELEASE), "p"));
    assertTrue(e.getMessage().contains("/kernel/score"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rate | \"lambdaMax\": 4, \"rate\": \"log(a_i - 5)\" | emission rate at node",
        "score | \"score\": \"log(a_j - 5)\" | the kernel score \"log(a_j - 5)\" is NaN for the move",
        "vesicle score | \"score\": \"log(c[0] - 5)\" | the kernel score \"log(c[0] - 5)\" is NaN for vesicle",
        "logit | \"logit\": \"log(a_i - 5)\" | the docking logit \"log(a_i - 5)\" is NaN at node",
        "vesicle logit | \"logit\": \"log(c[0] - 5)\" | the docking logit \"log(c[0] - 5)\" is NaN for vesicle",
        "map | \"gain\": \"sqrt(c[0] - 5)\" | the release map gain = \"sqrt(c[0] - 5)\" is NaN at node",
      })
  void anExpressionThatGivesNaNStopsTheRunNamingIt(String what, String field, String message)
      throws Exception {
    String json =
        switch (what) {
          case "rate" -> project(field, KERNEL, DOCKING, RELEASE);
          case "score", "vesicle score" -> project(EMISSION, field, DOCKING, RELEASE);
          case "logit", "vesicle logit" -> project(EMISSION, KERNEL, field, RELEASE);
          default ->
              project(EMISSION, KERNEL, DOCKING, "{\"kind\": \"activation\", " + field + "}");
        };
    ProjectSpec spec = ProjectFiles.load(json, "project.json").spec();
    try (Simulation sim = TestProjects.recorded(Model.compile(spec), 7, 2)) {
      SimulationException e = assertThrows(SimulationException.class, () -> sim.run(60));
      assertTrue(e.getMessage().contains(message), e.getMessage());
      assertTrue(e.getMessage().contains("type 'modulator'"), e.getMessage());
    }
  }

  @Test
  void theDensityModelSaysItDoesNotModelExpressions() throws Exception {
    String json = project(EMISSION_X, KERNEL_X, DOCKING_X, RELEASE_X);
    List<String> p = DensityModel.problems(Model.compile(ProjectFiles.load(json, "p").spec(), "p"));
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).contains("emission rate expression is not modelled"), p.toString());
  }
}
