package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.vesicle.Pool;

/**
 * A running simulation takes edited vesicle-type rules at its next tick and keeps its vesicles; a
 * run that changes its rules at tick t is still the same for any number of threads.
 */
class LiveRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A ring of 8 nodes; one vesicle a tick is born at node 0, lives 1000 ticks, never docks, and
   * moves one node along the ring every tick (moving scores 30 above staying).
   */
  static final String RING =
      """
      {"formatVersion": 2, "name": "ring", "seed": 3,
       "host": {"kind": "rate", "rate": {"mode": "recurrent"},
                "graph": {"builder": "edge-list", "nodes": 8,
                          "edges": [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 0]]}},
       "vesicleTypes": [
         {"name": "walker", "payloadDim": 1,
          "emission": {"mode": "bernoulli", "lambdaMax": 1, "bias": 40, "emitters": [0]},
          "lifetime": {"law": "fixed", "value": 1000},
          "kernel": {"temperature": 1, "theta": {"bias": 30}},
          "docking": {"bias": -40}}
       ]}
      """;

  private static Model compile(ProjectDocument d) throws ProjectException {
    return Model.compile(d.spec(), d.file());
  }

  /** Vesicle id -> node for type 0. */
  private static Map<Long, Integer> where(Simulation sim) {
    Pool p = EngineAccess.engine(sim).population().pool(0);
    Map<Long, Integer> m = new HashMap<>();
    for (int s = 0; s < p.size(); s++) {
      m.put(p.id()[s], p.node()[s]);
    }
    return m;
  }

  @Test
  void aKernelEditRoutesDifferentlyAtTheNextTickAndKeepsEveryVesicle() throws Exception {
    ProjectDocument doc = ProjectDocument.parse(RING, "ring.json");
    try (Simulation sim = TestProjects.recorded(compile(doc), 1, 2)) {
      sim.run(10);
      Map<Long, Integer> before = where(sim);
      assertEquals(10, before.size());

      // Without the edit, every vesicle moves one node along the ring each tick.
      try (Simulation control = TestProjects.recorded(compile(doc), 1, 2)) {
        control.run(11);
        Map<Long, Integer> moved = where(control);
        before.forEach((id, node) -> assertEquals((node + 1) % 8, moved.get(id), "id " + id));
      }

      // Staying now scores 30 above moving; no more births.
      ProjectDocument.Result r =
          doc.apply(
              ProjectEdit.compound(
                  "stay put",
                  ProjectEdit.set("/vesicleTypes/0/kernel/theta/bias", -30),
                  ProjectEdit.set("/vesicleTypes/0/emission/mode", "none")));
      assertEquals(ModelChange.Kind.LIVE, r.effect().kind());
      sim.takeRules(compile(doc));
      assertEquals(10, sim.tick(), "applying rules ran no tick");
      assertEquals(before, where(sim), "applying rules moved or lost vesicles");

      sim.step();
      assertEquals(before, where(sim), "the vesicles should all have stayed where they were");
      assertEquals(-30f, EngineAccess.engine(sim).type(0).kernel().theta()[0]);
      assertEquals("none", sim.model().spec().vesicleTypes().get(0).emission().mode());
    }
  }

  private static String editedRun(int threads, boolean edit) throws Exception {
    String json = DeterminismProjects.all().get("rate-everything");
    ProjectDocument doc = ProjectDocument.parse(json, "test.json");
    try (Simulation sim = TestProjects.recorded(compile(doc), 77, threads)) {
      sim.run(15);
      if (edit) {
        String t0 = "/vesicleTypes/0";
        ProjectDocument.Result r =
            doc.apply(
                ProjectEdit.compound(
                    "several rules",
                    ProjectEdit.set(t0 + "/kernel/temperature", 0.3),
                    ProjectEdit.set(t0 + "/docking/bias", -1.5),
                    ProjectEdit.set(t0 + "/emission/lambdaMax", 2),
                    ProjectEdit.set(t0 + "/release/0/gain", JSON.readTree("[0.05, 0, 0]")),
                    ProjectEdit.set(t0 + "/lifetime/mean", 8),
                    // The echo type's kernel goes from content-dependent to a node expression,
                    // over a wider neighbourhood than before.
                    ProjectEdit.remove("/vesicleTypes/1/kernel/content"),
                    ProjectEdit.set("/vesicleTypes/1/kernel/neighbourhood", "both"),
                    ProjectEdit.set("/vesicleTypes/1/kernel/score", "2 * a_j - stay")));
        assertEquals(ModelChange.Kind.LIVE, r.effect().kind(), r.problems().toString());
        sim.takeRules(compile(doc));
      }
      sim.run(15);
      assertTrue(EngineAccess.engine(sim).population().size() > 0);
      return sim.stateHash();
    }
  }

  @Test
  void aRunThatTakesNewRulesAtTickTIsTheSameForOneTwoAndFourThreads() throws Exception {
    String one = editedRun(1, true);
    assertEquals(one, editedRun(2, true), "2 threads differ from 1");
    assertEquals(one, editedRun(4, true), "4 threads differ from 1");
    assertNotEquals(editedRun(2, false), one, "the edit changed nothing");
  }

  @Test
  void rulesOfAnotherStructureAreRefusedAndTheRunGoesOnUnchanged() throws Exception {
    ProjectDocument doc = ProjectDocument.parse(RING, "ring.json");
    try (Simulation sim = TestProjects.recorded(compile(doc), 1, 1)) {
      sim.run(5);
      String hash = sim.stateHash();
      doc.apply(ProjectEdit.set("/vesicleTypes/0/payloadDim", 2));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> sim.takeRules(compile(doc)));
      assertTrue(e.getMessage().contains("payload or state dimension"), e.getMessage());
      assertTrue(e.getMessage().contains("reset"), e.getMessage());
      assertEquals(hash, sim.stateHash());
      assertEquals(ModelChange.Kind.RESET, sim.model().changeTo(compile(doc)).kind());

      doc.undo();
      doc.apply(ProjectEdit.set("/host/graph/nodes", 9));
      assertTrue(sim.model().changeTo(compile(doc)).reason().contains("host network"));
      sim.step();
      assertEquals(6, sim.tick());
    }
  }
}
