package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.core.project.ProblemAssertions.assertHasProblem;
import static org.nvlab.core.project.ProblemAssertions.assertOnlyProblem;
import static org.nvlab.core.project.ProjectFixtures.BASE;
import static org.nvlab.core.project.ProjectFixtures.compile;
import static org.nvlab.core.project.ProjectFixtures.problems;
import static org.nvlab.core.project.ProjectFixtures.remove;
import static org.nvlab.core.project.ProjectFixtures.set;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvlab.core.Model;
import org.nvlab.core.release.NodeRelease;

/**
 * What the compiler reports for projects that read well but do not fit the graph they build: nodes,
 * layers and per-node lists against the real node count, matrix shapes, memory width, type names.
 * The base graph has 9 nodes in layers of 3, 4 and 2, and 20 edges.
 */
class ModelCompilerProblemsTest {
  private static final String RELEASE = "/vesicleTypes/0/release/0";

  @Test
  void theBaseFixtureCompilesToTheGraphTheseTestsAssume() {
    Model p = compile(BASE);
    assertEquals(9, p.host().nodeCount());
    assertEquals(20, p.host().graph().edgeCount());
    assertEquals(3, p.host().graph().layerCount());
  }

  @Test
  void aNetworkTooLargeForTheMemoryLeftIsRefusedBeforeItIsBuilt() {
    // 90 million nodes are within the format's limit (10^8) but need ~14 GB; the tests run in
    // 2 GB. The compiler says so instead of running out of memory half-way.
    String json =
        set(BASE, "/host/graph", "{\"builder\": \"erdos-renyi\", \"nodes\": 90000000, \"p\": 0}");
    json = remove(json, "/host/inputs");
    List<Problem> problems = problems(json);
    assertHasProblem(problems, "/host/graph", "90,000,000 nodes", "needs about", "is free", "-Xmx");
  }

  @Test
  void aCascadeToATypeThatDoesNotExistNamesTheMissingType() {
    String json = set(BASE, RELEASE, "{\"kind\": \"cascade\", \"child\": \"ghost\"}");
    assertOnlyProblem(problems(json), RELEASE + "/child", "no vesicle type is named 'ghost'");
  }

  @Test
  void emitterIndicesOutsideTheGraphAreReportedPerEntry() {
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/emission/emitters", "[0, 9]")),
        "/vesicleTypes/0/emission/emitters/1",
        "node 9 does not exist",
        "the graph has 9 nodes");
  }

  @Test
  void absorbingIndicesOutsideTheGraphAreReported() {
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/absorbing", "[8, 12]")),
        "/vesicleTypes/0/absorbing/1",
        "node 12 does not exist");
  }

  @Test
  void inputAndTargetNodesOutsideTheGraphAreReported() {
    assertOnlyProblem(
        problems(set(BASE, "/host/inputs/0/nodes", "[0, 20]")),
        "/host/inputs/0/nodes/1",
        "node 20 does not exist",
        "9 nodes");
    String target = "{\"nodes\": {\"range\": [5, 12]}, \"signal\": {\"shape\": \"constant\"}}";
    assertOnlyProblem(
        problems(set(BASE, "/host/targets", "[" + target + "]")),
        "/host/targets/0/nodes/range",
        "range ends at 12",
        "9 nodes");
  }

  @Test
  void aLayerThatDoesNotExistIsReportedWithTheLayerCount() {
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/emission/emitters", "{\"layer\": 3}")),
        "/vesicleTypes/0/emission/emitters/layer",
        "layer 3 does not exist",
        "has 3");
  }

  @Test
  void aLayerOnAGraphWithoutLayersIsReported() {
    String json =
        set(
            set(BASE, "/host/rate/mode", "\"recurrent\""),
            "/host/graph",
            "{\"builder\": \"grid\", \"width\": 3, \"height\": 3}");
    assertOnlyProblem(problems(json), "/host/inputs/0/nodes", "no layers", "layered builder");
  }

  @Test
  void aNodeScaleOfTheWrongLengthIsReportedWithTheNodeCount() {
    assertOnlyProblem(
        problems(set(BASE, RELEASE + "/nodeScale", "[1, 1, 1]")),
        RELEASE + "/nodeScale",
        "one number per node (9), got 3");
  }

  @Test
  void aGainPerNodeOfTheWrongLengthIsReported() {
    String json =
        set(remove(BASE, RELEASE + "/gain"), RELEASE + "/gainPerNode", "[[1, 1], [1, 1]]");
    assertOnlyProblem(
        problems(json), RELEASE + "/gainPerNode", "one row of 2 numbers per node (9 rows)");
    String ok = set(remove(BASE, RELEASE + "/gain"), RELEASE + "/gainPerNode", rows(9, "[1, 0.5]"));
    assertEquals(List.of(), problems(ok));
  }

  @Test
  void aBiasPerNodeOfTheWrongLengthIsReported() {
    String noBias = remove(BASE, RELEASE + "/bias");
    String json = set(noBias, RELEASE + "/biasPerNode", "[[1, 1], [1, 1], [1, 1]]");
    assertOnlyProblem(
        problems(json), RELEASE + "/biasPerNode", "one row of 2 numbers per node (9 rows)");
    assertEquals(List.of(), problems(set(noBias, RELEASE + "/biasPerNode", rows(9, "[0.5, -1]"))));
  }

  @Test
  void anEdgeBiasOfTheWrongLengthIsReportedWithTheMoveCount() {
    // An out-neighbourhood has one move per edge plus staying put: 20 + 9.
    assertOnlyProblem(
        problems(set(BASE, "/vesicleTypes/0/kernel/edgeBias", "[0, 0, 0]")),
        "/vesicleTypes/0/kernel/edgeBias",
        "one number per move (29",
        "got 3");
    String both = set(BASE, "/vesicleTypes/0/kernel/neighbourhood", "\"both\"");
    assertOnlyProblem(
        problems(set(both, "/vesicleTypes/0/kernel/edgeBias", "[0, 0, 0]")),
        "/vesicleTypes/0/kernel/edgeBias",
        "(49 for this graph");
  }

  @Test
  void aMemoryReleaseWithoutHostMemoryIsReported() {
    assertOnlyProblem(
        problems(set(BASE, RELEASE, "{\"kind\": \"memory\", \"omega\": 0.5}")),
        RELEASE,
        "memory release needs host memoryDim > 0");
  }

  @Test
  void aMemoryReleaseWithoutQNeedsMemoryAsWideAsThePayload() {
    String json = set(BASE, "/host/memoryDim", "3");
    json = set(json, RELEASE, "{\"kind\": \"memory\"}");
    assertOnlyProblem(problems(json), RELEASE + "/q", "memoryDim = payloadDim");
    assertEquals(List.of(), problems(set(json, "/host/memoryDim", "2")));
  }

  @Test
  void aMemoryMatrixOfTheWrongShapeIsReportedWithTheShapeExpected() {
    String json = set(BASE, "/host/memoryDim", "3");
    json = set(json, RELEASE, "{\"kind\": \"memory\", \"q\": [[1, 0], [0, 1]]}");
    assertOnlyProblem(problems(json), RELEASE + "/q", "must have 3 rows (memoryDim) of 2 numbers");
  }

  @Test
  void aPayloadMatrixOfTheWrongShapeIsReportedAtTheMatrixOrTheRow() {
    String at = "/vesicleTypes/0/emission/payload";
    // payloadDim 2 rows of 6 signals (activation, abs_error, spike, gate, reward, task).
    assertOnlyProblem(
        problems(set(BASE, at, "{\"matrix\": [[1, 0, 0, 0, 0, 0]]}")),
        at + "/matrix",
        "2 rows of 6 numbers, got 1 rows");
    assertOnlyProblem(
        problems(set(BASE, at, "{\"matrix\": [[1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0]]}")),
        at + "/matrix/1",
        "must have 6 numbers, got 5");
  }

  @Test
  void aCascadeTransformOfTheWrongShapeIsReportedWithTheChildsDimension() {
    String json = set(BASE, "/vesicleTypes/1", "{\"name\": \"echo\", \"payloadDim\": 3}");
    json =
        set(
            json,
            RELEASE,
            "{\"kind\": \"cascade\", \"child\": \"echo\", \"transform\": [[1, 0], [0, 1]]}");
    assertOnlyProblem(
        problems(json),
        RELEASE + "/transform",
        "must have 3 rows (the child's payloadDim) of 2 numbers");
    String noTransform = set(json, RELEASE, "{\"kind\": \"cascade\", \"child\": \"echo\"}");
    assertOnlyProblem(
        problems(noTransform), RELEASE + "/transform", "child's payloadDim must equal 2");
  }

  @Test
  void aStateInputMatrixOfTheWrongShapeIsReported() {
    String json = set(BASE, "/vesicleTypes/0/stateDim", "2");
    assertOnlyProblem(
        problems(set(json, "/vesicleTypes/0/state", "{\"input\": [[1, 0, 0]]}")),
        "/vesicleTypes/0/state/input",
        "2 rows of 3 numbers, got 1 rows");
  }

  @Test
  void twoTypesWithTheSameNameAreReportedAtTheSecond() {
    String json = set(BASE, "/vesicleTypes/1", "{\"name\": \"signal\"}");
    assertOnlyProblem(problems(json), "/vesicleTypes/1/name", "type name 'signal' is used twice");
  }

  @Test
  void feedForwardModeOnACyclicGraphAsksForRecurrentMode() {
    String json =
        set(
            remove(BASE, "/host/inputs"),
            "/host/graph",
            "{\"builder\": \"edge-list\", \"nodes\": 3, \"edges\": [[0, 1], [1, 2], [2, 0]]}");
    json = set(json, "/vesicleTypes/0/emission/emitters", "[0]");
    assertOnlyProblem(problems(json), "/host/rate/mode", "acyclic", "cycle", "recurrent");
    assertEquals(List.of(), problems(set(json, "/host/rate/mode", "\"recurrent\"")));
  }

  @Test
  void memoryKeysAndReceptorsNeedMemoryAsWideAsThePayload() {
    String json = set(BASE, "/vesicleTypes/0/kernel/content", "{\"keys\": \"memory\"}");
    json = set(json, "/vesicleTypes/0/docking/content", "1");
    json = set(json, "/vesicleTypes/0/docking/receptors", "\"memory\"");
    List<Problem> ps = problems(json);
    assertEquals(2, ps.size(), () -> ProblemAssertions.lines(ps));
    assertHasProblem(ps, "/vesicleTypes/0/kernel/content/keys", "memoryDim = payloadDim = 2");
    assertHasProblem(ps, "/vesicleTypes/0/docking/receptors", "memoryDim is 0");
  }

  @Test
  void aRewardFromTheTaskNeedsTargets() {
    assertOnlyProblem(
        problems(set(BASE, "/globals", "{\"reward\": \"task\"}")),
        "/globals/reward",
        "needs task targets");
  }

  @Test
  void everyCompileProblemIsReportedNotOnlyTheFirst() {
    String json = set(BASE, "/vesicleTypes/0/emission/emitters", "[0, 99]");
    json = set(json, "/vesicleTypes/0/absorbing", "{\"layer\": 7}");
    json = set(json, RELEASE + "/nodeScale", "[1]");
    json = set(json, "/vesicleTypes/0/release/1", "{\"kind\": \"cascade\", \"child\": \"ghost\"}");
    json = set(json, "/vesicleTypes/1", "{\"name\": \"signal\"}");
    List<Problem> ps = problems(json);
    assertEquals(5, ps.size(), () -> ProblemAssertions.lines(ps));
    assertHasProblem(ps, "/vesicleTypes/1/name", "used twice");
    assertHasProblem(ps, "/vesicleTypes/0/emission/emitters/1", "node 99");
    assertHasProblem(ps, "/vesicleTypes/0/absorbing/layer", "layer 7");
    assertHasProblem(ps, RELEASE + "/nodeScale", "got 1");
    assertHasProblem(ps, "/vesicleTypes/0/release/1/child", "'ghost'");
  }

  @Test
  void aPluginKindIsCompiledByItsProviderFromItsParams() {
    String json = set(BASE, RELEASE, "{\"kind\": \"test-gain\", \"params\": {\"factor\": 2}}");
    Model p = compile(json);
    assertEquals(1, p.types()[0].releases().size());
    assertTrue(p.types()[0].releases().get(0) instanceof NodeRelease);
  }

  @Test
  void aPluginsRefusalIsReportedAtItsParams() {
    assertOnlyProblem(
        problems(set(BASE, RELEASE, "{\"kind\": \"test-gain\", \"params\": {}}")),
        RELEASE + "/params",
        "factor must be a number");
  }

  @Test
  void pluginParamsThatAreNotAnObjectAreReportedNotThrown() {
    // Jackson's convertValue used to throw IllegalArgumentException here.
    assertOnlyProblem(
        problems(set(BASE, RELEASE, "{\"kind\": \"test-gain\", \"params\": [2]}")),
        RELEASE + "/params",
        "must be an object",
        "got a list");
  }

  @Test
  void aPluginEntryTakesItsSettingsUnderParamsOnly() {
    assertOnlyProblem(
        problems(set(BASE, RELEASE, "{\"kind\": \"test-gain\", \"factor\": 2}")),
        RELEASE + "/factor",
        "unknown field 'factor'");
  }

  @Test
  void anUnknownKindListsThePluginKindsToo() {
    assertOnlyProblem(
        problems(set(BASE, RELEASE + "/kind", "\"test-gian\"")),
        RELEASE + "/kind",
        "unknown release kind 'test-gian'",
        "did you mean 'test-gain'?",
        "from plugins: test-gain");
  }

  @Test
  void arraysLargerThanJavaAllowsAreReportedInsteadOfOverflowing() {
    // 1,000,000 isolated nodes x 4096 numbers per node = 4.1e9 > 2^31: the int product used to
    // wrap around into a negative (or silently too small) array size.
    String json =
        set(
            remove(BASE, "/host/inputs"),
            "/host/graph",
            "{\"builder\": \"edge-list\", \"nodes\": 1000000, \"edges\": []}");
    assertOnlyProblem(
        problems(set(json, "/host/memoryDim", "4096")),
        "/host/memoryDim",
        "4096000000 numbers",
        "more than one array can hold");
    json = set(json, "/vesicleTypes/0", "{\"name\": \"wide\", \"payloadDim\": 4096}");
    assertOnlyProblem(
        problems(set(json, "/vesicleTypes/0/kernel", "{\"content\": {\"scale\": 1}}")),
        "/vesicleTypes/0/kernel/content",
        "node keys",
        "more than one array can hold");
  }

  private static String rows(int n, String row) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ", ").append(row);
    }
    return b.append(']').toString();
  }
}
