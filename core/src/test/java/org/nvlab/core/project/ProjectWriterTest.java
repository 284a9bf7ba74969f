package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.project.ProjectSpec.DockingSpec;
import org.nvlab.core.project.ProjectSpec.EmissionSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/**
 * The writer writes what the reader reads back to an equal spec, for every sample and fixture; its
 * files leave out every default, follow the schema and are no longer than the hand-written ones;
 * numbers come back bit for bit; and a spec no file can hold is refused where it cannot be written,
 * never written as a file the reader would refuse.
 */
class ProjectWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> samples() {
    return ProjectFixtures.samples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleReadsBackEqualFromWhatTheWriterWrites(Path sample) throws Exception {
    ProjectFiles.Loaded loaded = ProjectFiles.load(sample);
    ObjectNode written = WrittenProjects.assertRoundTrip(loaded.spec(), sample.toString());
    assertTrue(
        values(written) <= values(loaded.tree()),
        sample
            + ": the written file says no more than the hand-written one:\n"
            + CanonicalJson.write(written));
  }

  @Test
  void theFixturesReadBackEqualFromWhatTheWriterWrites() throws Exception {
    for (String text : new String[] {ProjectFixtures.BASE, ProjectFixtures.EVERYTHING}) {
      ProjectFiles.Loaded loaded = ProjectFiles.load(text, ProjectFixtures.FILE);
      ObjectNode written = WrittenProjects.assertRoundTrip(loaded.spec(), loaded.spec().name());
      assertTrue(values(written) <= values(loaded.tree()), CanonicalJson.write(written));
    }
  }

  @Test
  void aProjectOfDefaultsIsWrittenWithWhatTheFormatRequiresAndTheNamesOnly() throws Exception {
    ProjectSpec spec =
        ProjectReader.parse(
            """
            {"formatVersion": 2, "name": "p", "seed": 1, "ticks": 200, "description": "",
             "host": {"kind": "rate", "graph": {"builder": "layered", "layers": [3], "density": 1,
                                                "seed": 1},
                      "rate": {"activation": "tanh", "mode": "feedforward", "bias": 0},
                      "modulationDecay": 0, "gateDecay": 0.9, "memoryDim": 0},
             "globals": {"task": 0, "z": []},
             "vesicleTypes": [{"name": "t", "payloadDim": 1, "stateDim": 0,
               "emission": {"mode": "poisson", "lambdaMax": 0.05, "bias": 0, "emitters": "all",
                            "weights": {"activation": 0, "z": []}},
               "lifetime": {"law": "exponential", "mean": 20, "hazard": 0},
               "kernel": {"temperature": 1, "neighbourhood": "out", "hops": 1,
                          "theta": {"bias": 0}, "edgeBias": {"std": 0}},
               "docking": {"bias": -3, "weights": {"gate": 0}, "content": 0,
                           "receptors": "random", "receptorStd": 1, "dwell": 1},
               "release": [{"kind": "parameter", "mode": "multiplicative", "eta": 0.1,
                            "edges": "incoming", "h": [1]}]}]}
            """,
            "defaults.json");
    assertEquals(
        JSON.readTree(
            """
            {"formatVersion": 2, "name": "p",
             "host": {"graph": {"builder": "layered", "layers": [3]}},
             "vesicleTypes": [{"name": "t", "release": [{"kind": "parameter", "h": [1]}]}]}
            """),
        ProjectWriter.write(spec));
  }

  @Test
  void numbersReadBackBitForBitAndWholeOnesAreWrittenWhole() throws Exception {
    ProjectSpec spec =
        ProjectReader.parse(
            """
            {"formatVersion": 2, "name": "numbers", "host": {"graph": {"builder": "layered",
             "layers": [2]}, "gateDecay": 0.30000000000000004},
             "vesicleTypes": [{"name": "t",
               "emission": {"lambdaMax": 4.0, "bias": -0.0, "payload": {"offset": [1e-300]}},
               "kernel": {"temperature": "Infinity"}}]}
            """,
            "numbers.json");
    ObjectNode tree = WrittenProjects.assertRoundTrip(spec, "numbers");
    JsonNode e = tree.at("/vesicleTypes/0/emission");
    assertTrue(e.get("lambdaMax").isInt(), "4.0 is written as 4");
    assertEquals("-0.0", e.get("bias").asText(), "-0.0 is not the default 0");
    assertEquals(1e-300, e.at("/payload/offset/0").doubleValue());
    assertEquals("Infinity", tree.at("/vesicleTypes/0/kernel/temperature").asText());
    assertEquals(0.30000000000000004, tree.at("/host/gateDecay").doubleValue());
  }

  /** A valid spec with one type, whose parts the refusal tests replace. */
  private static ProjectSpec base() throws ProjectException {
    return ProjectFiles.load(ProjectFixtures.EVERYTHING, ProjectFixtures.FILE).spec();
  }

  private static ProjectSpec withType(ProjectSpec s, int k, UnaryOperator<TypeSpec> change) {
    List<TypeSpec> types = new ArrayList<>(s.vesicleTypes());
    types.set(k, change.apply(types.get(k)));
    return new ProjectSpec(
        s.formatVersion(),
        s.name(),
        s.description(),
        s.seed(),
        s.ticks(),
        s.host(),
        s.globals(),
        types);
  }

  /** {@code t} with the given parts (null: as they were). */
  private static TypeSpec parts(
      TypeSpec t, EmissionSpec e, KernelSpec k, DockingSpec d, List<ReleaseSpec> release) {
    return new TypeSpec(
        t.name(),
        t.payloadDim(),
        t.stateDim(),
        e == null ? t.emission() : e,
        t.lifetime(),
        k == null ? t.kernel() : k,
        d == null ? t.docking() : d,
        t.state(),
        release == null ? t.release() : release,
        t.absorbing(),
        t.cap());
  }

  private static void assertRefused(ProjectSpec spec, String pointer, String reason) {
    ProjectWriter.Unwritable e =
        assertThrows(ProjectWriter.Unwritable.class, () -> ProjectWriter.write(spec));
    assertEquals(pointer, e.pointer(), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
    List<Problem> p = ProjectBuilder.check(spec);
    assertEquals(List.of(new Problem(ProjectFiles.PROJECT, pointer, e.reason())), p);
  }

  @Test
  void aKernelScoreWithThetaIsRefusedWhereItCannotBeWritten() throws Exception {
    ProjectSpec s =
        withType(
            base(),
            0,
            t -> {
              KernelSpec k = t.kernel();
              return parts(
                  t,
                  null,
                  new KernelSpec(
                      k.temperature(),
                      k.neighbourhood(),
                      k.hops(),
                      k.theta(),
                      k.edgeBiasStd(),
                      k.edgeBias(),
                      k.contentScale(),
                      k.keys(),
                      k.keyStd(),
                      "a_j"),
                  null,
                  null);
            });
    assertRefused(s, "/vesicleTypes/0/kernel/theta", "give score or theta, not both");
  }

  @Test
  void aDockingLogitWithDockingWeightsIsRefused() throws Exception {
    ProjectSpec s =
        withType(
            base(),
            0,
            t -> {
              DockingSpec d = t.docking();
              DockingSpec withLogit =
                  new DockingSpec(
                      d.bias(),
                      d.eta(),
                      0,
                      "random",
                      d.receptorStd(),
                      null,
                      d.dwell(),
                      d.sites(),
                      "a_i - 3");
              return parts(t, null, null, withLogit, null);
            });
    assertRefused(s, "/vesicleTypes/0/docking/bias", "give logit or bias, not both");
  }

  @Test
  void aSharedGainWithPerNodeGainsAndAFieldOfAnotherKindAreRefused() throws Exception {
    ProjectSpec both =
        withType(
            base(),
            1,
            t -> {
              ReleaseSpec r = t.release().get(1); // the per-node activation of "echo"
              return releases(t, 1, copyWith(r, new double[] {1}, r.gainPerNode(), r.eta()));
            });
    assertRefused(
        both, "/vesicleTypes/1/release/1/gainPerNode", "give gain or gainPerNode, not both");
    ProjectSpec eta =
        withType(
            base(),
            1,
            t -> {
              ReleaseSpec r = t.release().get(0); // the low-rank parameter release of "echo"
              return releases(t, 0, copyWith(r, r.gain(), r.gainPerNode(), 0.5));
            });
    assertRefused(eta, "/vesicleTypes/1/release/0", "eta: 0.5 vs 0.0");
  }

  @Test
  void anEmissionRateWithWeightsIsRefused() throws Exception {
    ProjectSpec s =
        withType(
            base(),
            0,
            t -> {
              EmissionSpec e = t.emission();
              EmissionSpec withRate =
                  new EmissionSpec(
                      e.mode(),
                      e.lambdaMax(),
                      e.weights(),
                      0,
                      e.emitters(),
                      e.target(),
                      e.payloadMatrix(),
                      e.payloadFromZ(),
                      e.payloadOffset(),
                      e.tanh(),
                      e.noise(),
                      "a_i");
              return parts(t, withRate, null, null, null);
            });
    assertRefused(s, "/vesicleTypes/0/emission/weights", "give rate or weights, not both");
  }

  private static TypeSpec releases(TypeSpec t, int j, ReleaseSpec r) {
    List<ReleaseSpec> ops = new ArrayList<>(t.release());
    ops.set(j, r);
    return parts(t, null, null, null, ops);
  }

  private static ReleaseSpec copyWith(ReleaseSpec r, double[] gain, double[] perNode, double eta) {
    return new ReleaseSpec(
        r.kind(),
        r.pointer(),
        gain,
        r.bias(),
        r.threshold(),
        perNode,
        r.biasPerNode(),
        r.nodeScale(),
        r.mode(),
        r.incoming(),
        eta,
        r.h(),
        r.uStd(),
        r.vStd(),
        r.scale(),
        r.l(),
        r.omega(),
        r.q(),
        r.child(),
        r.count(),
        r.poisson(),
        r.transform(),
        r.offset(),
        r.tanh(),
        r.fromMemory(),
        r.params(),
        r.maps());
  }

  /** The scalar values in a tree: how much a file says. */
  private static int values(JsonNode n) {
    if (!n.isContainerNode()) {
      return 1;
    }
    int count = 0;
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      count += values(it.next());
    }
    return count;
  }
}
