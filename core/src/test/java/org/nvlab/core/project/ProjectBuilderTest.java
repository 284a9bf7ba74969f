package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.TypeBuilder.Keys;
import org.nvlab.core.project.TypeBuilder.Receptors;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * A project built in code is the project the reader makes of the same fields written by hand: with
 * nothing set, the reader's defaults (also those that depend on another choice); with everything
 * set, the fixture that uses every field. Withers change one part of an existing spec and nothing
 * else, settings that exclude each other replace each other, and the check reports what the reader
 * would.
 */
class ProjectBuilderTest {

  private static ProjectSpec read(String json) throws ProjectException {
    return ProjectFiles.load(json, ProjectFixtures.FILE).spec();
  }

  private static void assertSame(ProjectSpec expected, ProjectSpec built) {
    assertNull(SpecEquality.difference(expected, built));
  }

  @Test
  void withNothingSetTheBuiltSpecIsTheReadersMinimalProject() throws Exception {
    ProjectSpec built =
        ProjectBuilder.project("p")
            .host(h -> h.layered(3))
            .type("t", t -> {})
            .type("s", t -> t.stateDim(2))
            .build();
    assertSame(
        read(
            """
            {"formatVersion": 2, "name": "p", "host": {"graph": {"builder": "layered",
             "layers": [3]}}, "vesicleTypes": [{"name": "t"}, {"name": "s", "stateDim": 2}]}
            """),
        built);
  }

  @Test
  void aDefaultThatDependsOnAnotherChoiceIsTheReadersForThatChoice() throws Exception {
    ProjectSpec built =
        ProjectBuilder.project("p")
            .z(List.of(ProjectBuilder.constant(1), ProjectBuilder.sine(1, 10).build()))
            .host(h -> h.layered(3).lif(l -> {}))
            .type("rated", t -> t.emission(e -> e.rate("a_i")))
            .type("coin", t -> t.emission(e -> e.mode(EmissionRule.Mode.BERNOULLI).rate("0.5")))
            .type(
                "content",
                t ->
                    t.kernel(k -> k.keys(Keys.RANDOM))
                        .emission(e -> e.weight(Signals.Z0 + 1, 2))
                        .release(ReleaseKind.PARAMETER, r -> r.mode(ParameterRelease.Mode.LOW_RANK))
                        .release(ReleaseKind.PARAMETER, r -> r.h(1)))
            .build();
    assertSame(
        read(
            """
            {"formatVersion": 2, "name": "p",
             "globals": {"z": [{"value": 1}, {"shape": "sine", "period": 10}]},
             "host": {"kind": "lif", "graph": {"builder": "layered", "layers": [3]}},
             "vesicleTypes": [
               {"name": "rated", "emission": {"rate": "a_i"}},
               {"name": "coin", "emission": {"mode": "bernoulli", "rate": "0.5"}},
               {"name": "content", "kernel": {"content": {"keys": "random"}},
                "emission": {"weights": {"z": [0, 2]}},
                "release": [{"kind": "parameter", "mode": "low-rank"},
                            {"kind": "parameter", "h": [1]}]}]}
            """),
        built);
  }

  /** {@link ProjectFixtures#EVERYTHING}, every field of it set through the builder. */
  static ProjectSpec everythingInCode() {
    return ProjectBuilder.project("everything")
        .description("all features, small")
        .seed(5)
        .ticks(20)
        .rewardFromTask()
        .task(1)
        .z(List.of(ProjectBuilder.square(1, 10).phase(2).build()))
        .host(
            h ->
                h.edgeList(
                        6,
                        new double[][] {{0, 1}, {1, 2, 0.5}, {2, 3}, {3, 4}, {4, 5}, {5, 0, -0.5}})
                    .weights(w -> w.law(WeightInit.Law.UNIFORM).bounds(-0.5, 0.5))
                    .recurrent(true)
                    .activation(Activation.SIGMOID)
                    .bias(0.1)
                    .learningRate(0.01)
                    .memoryDim(2)
                    .modulationDecay(0.5)
                    .gateDecay(0.8)
                    .input(NodeSet.range(0, 2), ProjectBuilder.signal(Signal.Shape.NOISE).build())
                    .target(NodeSet.of(5), ProjectBuilder.cycle(4, 0, 1).build()))
        .type(
            "fast",
            t ->
                t.payloadDim(2)
                    .stateDim(1)
                    .emission(
                        e ->
                            e.lambdaMax(2)
                                .weight(Signals.ACTIVATION, 2)
                                .weight(Signals.ABS_ERROR, 1)
                                .weight(Signals.Z0, 0.5)
                                .bias(-1)
                                .emitters(NodeSet.range(0, 3))
                                .payloadMatrix(
                                    new double[][] {{1, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0}})
                                .payloadZ(new double[][] {{1}, {0}})
                                .payloadOffset(0, 0.1)
                                .phi(Activation.TANH)
                                .payloadNoise(0.05))
                    .lifetime(LifetimeLaw.Kind.EXPONENTIAL, 15)
                    .hazard(0.01)
                    .kernel(
                        k ->
                            k.temperature(0.8)
                                .neighbourhood(KernelRule.Neighbourhood.OUT)
                                .hops(2)
                                .theta(KernelFeature.BIAS, 1)
                                .theta(KernelFeature.WEIGHT, 0.3)
                                .theta(KernelFeature.ACTIVATION, 1)
                                .theta(KernelFeature.DIRECTION, 0.2)
                                .edgeBias(0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)
                                .content(0.5)
                                .keys(Keys.MEMORY))
                    .docking(
                        d ->
                            d.bias(-2)
                                .weight(DockingFeature.ACTIVATION, 1)
                                .weight(DockingFeature.GATE, 0.5)
                                .content(1)
                                .receptors(Receptors.ONES)
                                .state(0.5)
                                .dwell(2))
                    .state(0.8, new double[][] {{1, 0, 0}})
                    .release(
                        ReleaseKind.ACTIVATION,
                        r -> r.gain(0.01, 0).bias(0, 0.01).nodeScale(1, 1, 1, 1, 1, 0.5))
                    .release(ReleaseKind.PARAMETER, r -> r.eta(0.001).h(1, 0))
                    .release(ReleaseKind.LEARNING, r -> r.l(0.1, 0))
                    .release(
                        ReleaseKind.MEMORY, r -> r.omega(0.2).q(new double[][] {{1, 0}, {0, 1}}))
                    .release(
                        ReleaseKind.CASCADE,
                        r ->
                            r.child("echo")
                                .count(1.5, true)
                                .transform(new double[][] {{1, 1}})
                                .offset(0.1)
                                .phi(Activation.TANH))
                    .absorbing(NodeSet.of(5))
                    .cap(1000))
        .type(
            "echo",
            t ->
                t.emission(e -> e.mode(EmissionRule.Mode.NONE))
                    .lifetime(LifetimeLaw.Kind.FIXED, 5)
                    .kernel(
                        k ->
                            k.temperature(Double.POSITIVE_INFINITY)
                                .neighbourhood(KernelRule.Neighbourhood.BOTH)
                                .edgeBiasStd(0.5))
                    .docking(d -> d.bias(-1).receptors(Receptors.RANDOM).receptorStd(0.5))
                    .release(
                        ReleaseKind.PARAMETER,
                        r ->
                            r.mode(ParameterRelease.Mode.LOW_RANK)
                                .incoming(false)
                                .lowRank(1, 1, 0.001))
                    .release(
                        ReleaseKind.ACTIVATION,
                        r -> r.gainPerNode(new double[][] {{1}, {1}, {1}, {1}, {1}, {1}}))
                    .pluginRelease(TestPluginRelease.KIND, Map.of("factor", 0.5)))
        .build();
  }

  @Test
  void everyFieldSetInCodeGivesTheFixtureThatUsesEveryField() throws Exception {
    ProjectSpec built = everythingInCode();
    assertSame(read(ProjectFixtures.EVERYTHING), built);
    WrittenProjects.assertRoundTrip(built, "everything built in code");
  }

  @Test
  void aWitherChangesOnePartOfAnExistingSpecAndNothingElse() throws Exception {
    ProjectSpec spec = read(ProjectFixtures.EVERYTHING);
    ProjectSpec changed =
        ProjectBuilder.from(spec)
            .withType("fast", t -> t.kernel(k -> k.theta(KernelFeature.GATE, 3)))
            .withType("echo", t -> t.withRelease(ReleaseKind.ACTIVATION, 0, r -> r.gain(2)))
            .build();
    assertEquals(3, changed.vesicleTypes().get(0).kernel().theta()[KernelFeature.GATE.ordinal()]);
    ProjectSpec.ReleaseSpec gain = changed.vesicleTypes().get(1).release().get(1);
    assertEquals(2, gain.gain()[0]);
    assertNull(gain.gainPerNode(), "a shared gain replaces the per-node gains");
    String expected =
        ProjectFixtures.set(
            ProjectFixtures.set(
                ProjectFixtures.EVERYTHING, "/vesicleTypes/0/kernel/theta/gate", "3"),
            "/vesicleTypes/1/release/1",
            "{\"kind\": \"activation\", \"gain\": [2]}");
    assertSame(read(expected), changed);
    assertSame(spec, ProjectBuilder.from(spec).build());
    assertNull(
        SpecEquality.difference(spec, read(ProjectFixtures.EVERYTHING)),
        "the spec it started from is unchanged");
  }

  @Test
  void settingsThatExcludeEachOtherReplaceEachOther() throws Exception {
    ProjectSpec built =
        ProjectBuilder.project("p")
            .host(h -> h.layered(2))
            .type(
                "t",
                t ->
                    t.kernel(k -> k.theta(KernelFeature.BIAS, 1).score("a_j"))
                        .docking(d -> d.weight(DockingFeature.GATE, 1).logit("a_i"))
                        .emission(e -> e.rate("1").bias(2)))
            .build();
    assertSame(
        read(
            """
            {"formatVersion": 2, "name": "p", "host": {"graph": {"builder": "layered",
             "layers": [2]}}, "vesicleTypes": [{"name": "t", "kernel": {"score": "a_j"},
             "docking": {"logit": "a_i"}, "emission": {"bias": 2}}]}
            """),
        built);
  }

  @Test
  void aSetterOfAnotherReleaseKindIsRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ProjectBuilder.project("p")
                    .host(h -> h.layered(2))
                    .type("t", t -> t.release(ReleaseKind.LEARNING, r -> r.gain(1))));
    assertEquals("gain is a field of activation releases; this one is learning", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProjectBuilder.project("p")
                .type("t", t -> t.pluginRelease("nothing-adds-me", Map.of())));
  }

  @Test
  void theCheckReportsWhatTheReaderWouldAtItsPointer() throws Exception {
    ProjectSpec bad =
        ProjectBuilder.project("p")
            .host(h -> h.layered(2))
            .type("t", t -> t.emission(e -> e.lambdaMax(-1)).kernel(k -> k.score("a_k")))
            .build();
    List<Problem> p = ProjectBuilder.check(bad);
    assertEquals(2, p.size(), p.toString());
    assertEquals("/vesicleTypes/0/emission/lambdaMax", p.get(0).pointer());
    assertEquals("/vesicleTypes/0/kernel/score", p.get(1).pointer());
    assertTrue(p.get(1).message().contains("a_k"), p.get(1).message());
    ProjectException e =
        assertThrows(
            ProjectException.class,
            () ->
                ProjectBuilder.project("p")
                    .host(h -> h.layered(2))
                    .type("t", t -> t.emission(e2 -> e2.lambdaMax(-1)))
                    .checked());
    assertTrue(
        e.getMessage().contains("lambdaMax: must be in [0, 1000000], got -1"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> ProjectBuilder.project("no graph").build());
  }
}
