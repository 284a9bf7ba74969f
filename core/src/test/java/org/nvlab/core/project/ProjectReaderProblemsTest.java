package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.core.project.ProblemAssertions.assertHasProblem;
import static org.nvlab.core.project.ProblemAssertions.assertOnlyProblem;
import static org.nvlab.core.project.ProjectFixtures.BASE;
import static org.nvlab.core.project.ProjectFixtures.problems;
import static org.nvlab.core.project.ProjectFixtures.remove;
import static org.nvlab.core.project.ProjectFixtures.set;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the reader reports for files that are not JSON, not there, or hold values of the wrong type,
 * out of range or misspelt: each problem names the file, the JSON pointer of the field and the
 * reason.
 */
class ProjectReaderProblemsTest {

  @TempDir Path dir;

  @Test
  void theBaseFixtureIsValid() {
    assertEquals(List.of(), problems(BASE));
  }

  @Test
  void invalidJsonIsReportedWithItsLineAndColumn() {
    String text =
        """
        {"formatVersion": 1,
         "name": "broken",
         "seed": 3,,
         "ticks": 10}
        """;
    assertOnlyProblem(problems(text), "", "not valid JSON", "line 3, column 12", "field name");
  }

  @Test
  void aTruncatedFileIsReportedInsideTheObjectThatWasCutOff() {
    String text = BASE.substring(0, BASE.indexOf("\"layers\""));
    assertOnlyProblem(problems(text), "/host/graph", "not valid JSON", "line 3", "end-of-input");
  }

  @Test
  void anEmptyFileIsReportedAsEmpty() {
    assertOnlyProblem(problems(""), "", "is empty");
    assertOnlyProblem(problems(" \n\t\n"), "", "is empty");
  }

  @Test
  void aFileThatIsNotAnObjectSaysWhatItHolds() {
    assertOnlyProblem(problems("[1, 2]"), "", "one JSON object", "got a list");
    assertOnlyProblem(problems("null"), "", "one JSON object", "got null");
    assertOnlyProblem(problems("\"hello\""), "", "one JSON object", "got text \"hello\"");
  }

  @Test
  void textAfterTheProjectIsReported() {
    assertOnlyProblem(problems(BASE + "{}"), "", "more text after", "line 16, column 1");
  }

  @Test
  void aKeyGivenTwiceIsReportedWhereItRepeats() {
    String text = BASE.replace("\"seed\": 3,", "\"seed\": 3, \"seed\": 4,");
    assertOnlyProblem(problems(text), "/seed", "given twice", "line 1");
    String nested = BASE.replace("\"hazard\": 0.01", "\"hazard\": 0.01, \"hazard\": 0.02");
    assertOnlyProblem(problems(nested), "/vesicleTypes/0/lifetime/hazard", "given twice");
  }

  @Test
  void aMissingFileOrFolderIsReportedWithItsPath() {
    Path absent = dir.resolve("absent.nvlab");
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectReader.read(absent));
    assertEquals(1, e.problems().size());
    Problem p = e.problems().get(0);
    assertEquals(absent.toString(), p.file());
    assertEquals("", p.pointer());
    assertTrue(p.message().contains("no such file"), p.toString());
  }

  @Test
  void aProjectFolderWithoutProjectJsonIsReportedAsMissingTheFile() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("empty.nvlab"));
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectReader.read(folder));
    assertEquals(folder.resolve("project.json").toString(), e.problems().get(0).file());
    assertTrue(e.problems().get(0).message().contains("no such file"));
  }

  @Test
  void aProjectIsReadFromItsFolderOrItsFileAndProblemsNameTheFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("base.nvlab"));
    Files.writeString(folder.resolve("project.json"), BASE);
    assertEquals("base", ProjectReader.read(folder).name());
    assertEquals("base", ProjectReader.read(folder.resolve("project.json")).name());
    Files.writeString(folder.resolve("project.json"), set(BASE, "/seed", "-1"));
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectReader.read(folder));
    assertEquals("project.json", e.problems().get(0).file());
    assertEquals("/seed", e.problems().get(0).pointer());
  }

  @Test
  void aNewerFormatVersionIsRefusedWithBothVersions() {
    assertOnlyProblem(
        problems(set(BASE, "/formatVersion", "3")),
        "/formatVersion",
        "newer version",
        "format 3",
        "up to " + ProjectSpec.FORMAT_VERSION);
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("/seed", "\"seven\"", "/seed", "must be a whole number, got text \"seven\""),
        Arguments.of("/ticks", "2.5", "/ticks", "must be a whole number, got 2.5"),
        Arguments.of("/name", "7", "/name", "must be text, got 7"),
        Arguments.of(
            "/vesicleTypes/0/lifetime/mean",
            "\"long\"",
            "/vesicleTypes/0/lifetime/mean",
            "must be a number, got text \"long\""),
        Arguments.of(
            "/vesicleTypes/0/kernel/temperature",
            "true",
            "/vesicleTypes/0/kernel/temperature",
            "must be a number, got true"),
        Arguments.of(
            "/host/graph/layers",
            "\"3, 4, 2\"",
            "/host/graph/layers",
            "must be a list of numbers, got text"),
        Arguments.of(
            "/host/graph/layers/1", "\"four\"", "/host/graph/layers/1", "must be a finite number"),
        Arguments.of(
            "/host/graph/layers/1", "2.5", "/host/graph/layers/1", "whole number of nodes"),
        Arguments.of(
            "/vesicleTypes/0/release/0/gain/1",
            "\"x\"",
            "/vesicleTypes/0/release/0/gain/1",
            "must be a finite number, got text \"x\""),
        Arguments.of(
            "/vesicleTypes/0/release/0/gain",
            "[1, 2, 3]",
            "/vesicleTypes/0/release/0/gain",
            "must have 2 numbers, got 3"),
        Arguments.of(
            "/vesicleTypes/0/kernel", "[1, 2]", "/vesicleTypes/0/kernel", "must be an object"),
        Arguments.of("/vesicleTypes", "{}", "/vesicleTypes", "must be a list, got an object"),
        Arguments.of(
            "/host/rate/mode",
            "\"sideways\"",
            "/host/rate/mode",
            "must be one of feedforward, recurrent; got \"sideways\""),
        Arguments.of(
            "/host/graph",
            "{\"builder\": \"grid\", \"width\": 3, \"height\": 3, \"torus\": \"yes\"}",
            "/host/graph/torus",
            "must be true or false, got text \"yes\""),
        Arguments.of(
            "/vesicleTypes/0/emission/emitters",
            "\"some\"",
            "/vesicleTypes/0/emission/emitters",
            "list of node indices, \"all\""),
        Arguments.of(
            "/vesicleTypes/0/emission/emitters/0",
            "-1",
            "/vesicleTypes/0/emission/emitters/0",
            "must be a node index"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongTypes")
  void aValueOfTheWrongTypeIsReportedAtItsPointer(
      String at, String value, String pointer, String words) {
    assertOnlyProblem(problems(set(BASE, at, value)), pointer, words);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of(
            "/vesicleTypes/0/kernel/temperature", "-1", List.of("must be in [0, inf], got -1")),
        Arguments.of(
            "/vesicleTypes/0/lifetime/hazard", "1.5", List.of("must be in [0, 1], got 1.5")),
        Arguments.of(
            "/vesicleTypes/0/lifetime/mean",
            "0",
            List.of("must be in [1e-9, 1000000000000], got 0")),
        Arguments.of("/vesicleTypes/0/stateDim", "-1", List.of("must be in [0, 4096], got -1")),
        Arguments.of("/vesicleTypes/0/cap", "-1", List.of("must be in [0, 2147483647], got -1")),
        Arguments.of("/vesicleTypes/0/kernel/hops", "0", List.of("must be in [1, 1000], got 0")),
        Arguments.of("/host/modulationDecay", "1.5", List.of("must be in [0, 1], got 1.5")),
        Arguments.of("/seed", "-3", List.of("must be in [0, ", "got -3")),
        Arguments.of("/ticks", "1e30", List.of("too large")),
        Arguments.of(
            "/vesicleTypes/0/emission/lambdaMax", "1e300", List.of("must be in [0, 1000000]")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void aValueOutOfRangeIsReportedWithTheRangeAndTheValue(
      String at, String value, List<String> words) {
    assertOnlyProblem(problems(set(BASE, at, value)), at, words.toArray(String[]::new));
  }

  @Test
  void aBernoulliCountNeedsLambdaMaxAtMostOne() {
    String json = set(BASE, "/vesicleTypes/0/emission/mode", "\"bernoulli\"");
    assertEquals(List.of(), problems(set(json, "/vesicleTypes/0/emission/lambdaMax", "1")));
    assertOnlyProblem(
        problems(set(json, "/vesicleTypes/0/emission/lambdaMax", "2")),
        "/vesicleTypes/0/emission/lambdaMax",
        "Bernoulli",
        "lambdaMax <= 1",
        "got 2");
  }

  @Test
  void aFixedOutDegreeMustBeBelowTheNodeCount() {
    String json =
        set(
            set(BASE, "/host/rate/mode", "\"recurrent\""),
            "/host/graph",
            "{\"builder\": \"fixed-out-degree\", \"nodes\": 5, \"degree\": 5}");
    json = remove(json, "/host/inputs");
    assertOnlyProblem(problems(json), "/host/graph/degree", "at most nodes - 1 = 4", "got 5");
    assertEquals(List.of(), problems(set(json, "/host/graph/degree", "4")));
  }

  @Test
  void graphsPastTheLabsLimitsAreRefusedBeforeAnythingIsBuilt() {
    String grid =
        set(
            remove(BASE, "/host/inputs"),
            "/host/graph",
            "{\"builder\": \"grid\", \"width\": 100000, \"height\": 100000}");
    assertOnlyProblem(problems(grid), "/host/graph", "10000000000 nodes", "limit");
    String layered = set(BASE, "/host/graph/layers", "[3, 10000000, 10000000]");
    assertOnlyProblem(problems(layered), "/host/graph", "1.00e+14 edges", "limit");
  }

  @Test
  void anUnknownFieldIsReportedWithTheNearestKnownName() {
    String json = remove(BASE, "/vesicleTypes/0/kernel/temperature");
    json = set(json, "/vesicleTypes/0/kernel/temprature", "0.5");
    assertOnlyProblem(
        problems(json),
        "/vesicleTypes/0/kernel/temprature",
        "unknown field 'temprature'",
        "did you mean 'temperature'?");
    String top = set(BASE, "/vesicleType", "[]");
    assertOnlyProblem(problems(top), "/vesicleType", "did you mean 'vesicleTypes'?");
  }

  @Test
  void anUnknownFieldFarFromEveryNameGetsNoSuggestion() {
    Problem p =
        assertOnlyProblem(
            problems(set(BASE, "/host/colour", "\"blue\"")), "/host/colour", "unknown field");
    assertFalse(p.message().contains("did you mean"), p.toString());
  }

  @Test
  void anUnknownReleaseKindIsReportedOnceWithTheKnownKinds() {
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/release/0/kind", "\"dopamine\"")),
        "/vesicleTypes/0/release/0/kind",
        "unknown release kind 'dopamine'",
        "activation, parameter, learning, memory, cascade");
  }

  @Test
  void aMisspeltReleaseKindGetsASuggestionAndNotAComplaintPerField() {
    // The entry's gain and bias are fine for the kind meant; calling them unknown would mislead.
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/release/0/kind", "\"activaton\"")),
        "/vesicleTypes/0/release/0/kind",
        "unknown release kind 'activaton'",
        "did you mean 'activation'?");
  }

  @Test
  void aSharedBiasAndPerNodeBiasRowsTogetherAreReported() {
    // Which of the two would act is not obvious from the file; the reader asks for one.
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/release/0/biasPerNode", "[[0, 1]]")),
        "/vesicleTypes/0/release/0/biasPerNode",
        "give bias (shared by all nodes) or biasPerNode, not both");
  }

  @Test
  void aMissingHostIsReportedOnceAtHost() {
    assertOnlyProblem(problems(remove(BASE, "/host")), "/host", "is required");
  }

  @Test
  void aGraphWithoutBuilderIsReportedOnce() {
    assertOnlyProblem(
        problems(remove(BASE, "/host/graph/builder")),
        "/host/graph/builder",
        "is required",
        "layered, grid");
  }

  @Test
  void anEdgeGivenTwiceIsReportedAtTheRepeat() {
    String json =
        set(
            set(remove(BASE, "/host/inputs"), "/host/rate/mode", "\"recurrent\""),
            "/host/graph",
            "{\"builder\": \"edge-list\", \"nodes\": 3, \"edges\": [[0, 1], [1, 2], [0, 1, 0.5]]}");
    assertOnlyProblem(
        problems(set(json, "/vesicleTypes/0/emission/emitters", "[0]")),
        "/host/graph/edges/2",
        "edge 0 -> 1",
        "already given at /host/graph/edges/0");
  }

  @Test
  void everyProblemInAFileIsReportedInFileOrderNotOnlyTheFirst() {
    String json = set(BASE, "/seed", "\"seven\"");
    json = set(json, "/host/graph/layers/0", "0");
    json = set(json, "/vesicleTypes/0/kernel/temperature", "-1");
    json = set(json, "/vesicleTypes/0/lifetime/hazard", "2");
    json = set(json, "/vesicleTypes/0/docking/activaton", "1");
    List<Problem> ps = problems(json);
    assertEquals(5, ps.size(), () -> ProblemAssertions.lines(ps));
    assertHasProblem(ps, "/seed", "whole number");
    assertHasProblem(ps, "/host/graph/layers/0", "whole number of nodes", "got 0");
    assertHasProblem(ps, "/vesicleTypes/0/kernel/temperature", "got -1");
    assertHasProblem(ps, "/vesicleTypes/0/lifetime/hazard", "got 2");
    assertHasProblem(
        ps, "/vesicleTypes/0/docking/activaton", "unknown field", "did you mean 'activation'?");
    List<String> pointers = ps.stream().map(Problem::pointer).toList();
    assertEquals(
        List.of(
            "/seed",
            "/host/graph/layers/0",
            "/vesicleTypes/0/lifetime/hazard",
            "/vesicleTypes/0/kernel/temperature",
            "/vesicleTypes/0/docking/activaton"),
        pointers);
  }

  @Test
  void aProblemPrintsAsFilePointerAndReason() {
    assertEquals(
        "test.json:/seed: must be in [0, 9223372036854775807], got -3",
        problems(set(BASE, "/seed", "-3")).get(0).toString());
    assertEquals("test.json:/: is empty", problems("").get(0).toString());
  }
}
