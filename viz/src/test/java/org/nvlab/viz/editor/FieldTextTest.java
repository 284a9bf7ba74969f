package org.nvlab.viz.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.preview.KernelPreview;
import org.nvlab.core.project.ProjectSpec;

/**
 * What editors type becomes the JSON a file would hold, and reads back as it was typed; switching a
 * kernel from feature weights to an expression changes no probability.
 */
class FieldTextTest {

  @Test
  void textBecomesJsonAndReadsBack() throws Exception {
    assertEquals("3", FieldText.number(" 3 ").toString(), "whole numbers stay whole");
    assertEquals("0.25", FieldText.number("2.5e-1").toString());
    assertEquals("\"Infinity\"", FieldText.temperature("inf").toString());
    assertEquals("[0.5,0.2]", FieldText.numbers("0.5, 0.2").toString());
    assertEquals("[1,2,3]", FieldText.numbers("[1 2, 3]").toString());
    assertEquals("[[1,0],[0,1]]", FieldText.matrix("1, 0; 0, 1").toString());
    assertEquals("\"all\"", FieldText.nodes("All").toString());
    assertEquals("{\"layer\":1}", FieldText.nodes("layer 1").toString());
    assertEquals("{\"range\":[0,10]}", FieldText.nodes("range 0 10").toString());
    assertEquals("[0,4,7]", FieldText.nodes("0, 4, 7").toString());
    for (String t : new String[] {"0.5, 0.2", "1, 0; 0, 1", "layer 1", "range 0 10", "Infinity"}) {
      com.fasterxml.jackson.databind.JsonNode v =
          t.contains(";")
              ? FieldText.matrix(t)
              : t.startsWith("layer") || t.startsWith("range")
                  ? FieldText.nodes(t)
                  : t.equals("Infinity") ? FieldText.temperature(t) : FieldText.numbers(t);
      assertEquals(t, FieldText.format(v), "round trip of " + t);
    }
  }

  @Test
  void badTextSaysWhatIsExpected() {
    FieldText.BadText e = assertThrows(FieldText.BadText.class, () -> FieldText.number("0,5"));
    assertTrue(e.getMessage().contains("like 0.5"), e.getMessage());
    assertThrows(FieldText.BadText.class, () -> FieldText.integer("2.5"));
    assertThrows(FieldText.BadText.class, () -> FieldText.nodes("layer"));
    assertTrue(FieldText.isNumbers("1, 2"));
    assertTrue(!FieldText.isNumbers("0.5 * c[0]"));
  }

  @Test
  void aKernelSwitchedToItsExpressionHasTheSameProbabilities() throws Exception {
    String json =
        """
        {"name": "k", "seed": 4,
         "host": {"kind": "rate", "rate": {"mode": "recurrent"},
                  "graph": {"builder": "fixed-out-degree", "nodes": 30, "degree": 3},
                  "weights": {"law": "normal", "std": 1}},
         "vesicleTypes": [{"name": "v",
            "kernel": {"temperature": 0.7, "neighbourhood": "both",
                       "theta": {"bias": 0.5, "weight": -1.25, "activation": 2, "abs_error": 1,
                                 "direction": -0.3, "gate": 1}}}]}
        """;
    ProjectDocument d = ProjectDocument.parse(json, "k.json");
    ProjectSpec theta = d.spec();
    String expression = Fields.thetaExpression(theta.vesicleTypes().get(0).kernel());
    assertEquals(
        "0.5 * (1 - stay) - 1.25 * w_ij + 2 * a_j + abs(e_j) - 0.3 * dir + g_j", expression);
    ProjectDocument.Result r =
        d.apply(
            ProjectEdit.compound(
                "switch",
                ProjectEdit.remove("/vesicleTypes/0/kernel/theta"),
                ProjectEdit.set("/vesicleTypes/0/kernel/score", expression)));
    assertTrue(r.applied(), r.problems().toString());
    float[] activation = new float[30];
    for (int i = 0; i < 30; i++) {
      activation[i] = (float) Math.sin(i);
    }
    KernelPreview a = KernelPreview.of(theta, 0, activation);
    KernelPreview b = KernelPreview.of(d.spec(), 0, activation);
    for (int i = 0; i < 30; i++) {
      assertArrayEquals(a.probabilities(i), b.probabilities(i), 1e-6, "node " + i);
    }
  }
}
