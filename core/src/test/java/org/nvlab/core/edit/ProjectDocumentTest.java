package org.nvlab.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.core.project.ProblemAssertions.assertHasProblem;
import static org.nvlab.core.project.ProblemAssertions.assertOnlyProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.ModelChange;
import org.nvlab.core.edit.ProjectDocument.Kind;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.project.CanonicalJson;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectFixtures;
import org.nvlab.core.project.ProjectSpec;

/**
 * The document the editors change: a valid edit applies and marks it dirty, an invalid one is
 * refused with its problems at their pointers and changes nothing, undo and redo give back the
 * exact trees (field order included), and saving then opening again gives the same tree.
 */
class ProjectDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "/vesicleTypes/0";

  private static ProjectDocument base() throws ProjectException {
    ProjectDocument d = ProjectDocument.parse(ProjectFixtures.BASE, ProjectFixtures.FILE);
    d.markSaved(); // the fixture is format 1, so the document starts migrated (dirty)
    return d;
  }

  private static String text(ProjectDocument d) {
    return CanonicalJson.write(d.tree());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aValidEditAppliesUpdatesTheSpecAndMarksTheDocumentDirty() throws Exception {
    ProjectDocument d = base();
    assertFalse(d.isDirty());
    ProjectDocument.Result r = d.apply(ProjectEdit.set(TYPE + "/lifetime/mean", 25));
    assertTrue(r.applied());
    assertFalse(r.refused());
    assertEquals(ModelChange.Kind.LIVE, r.effect().kind());
    assertEquals(25.0, d.spec().vesicleTypes().get(0).lifetime().mean());
    assertEquals("25", d.get(TYPE + "/lifetime/mean").toString(), "a whole number stays whole");
    assertTrue(d.isDirty());
    assertTrue(d.canUndo());
    assertEquals("lifetime mean", d.undoLabel());
  }

  @Test
  void anInvalidEditIsRefusedWithItsPointerAndLeavesTheDocumentAsItWas() throws Exception {
    ProjectDocument d = base();
    String before = text(d);
    ProjectSpec spec = d.spec();
    ProjectDocument.Revision revision = d.revision();
    List<ProjectDocument.Change> heard = new ArrayList<>();
    d.addListener(heard::add);

    ProjectDocument.Result r = d.apply(ProjectEdit.set(TYPE + "/lifetime/mean", -12));

    assertFalse(r.applied());
    assertTrue(r.refused());
    assertOnlyProblem(r.problems(), TYPE + "/lifetime/mean", "must be in", "-12");
    assertEquals(before, text(d));
    assertSame(spec, d.spec());
    assertSame(revision, d.revision());
    assertFalse(d.isDirty());
    assertFalse(d.canUndo());
    assertTrue(heard.isEmpty(), "listeners heard a refused edit");
  }

  @Test
  void anInvalidExpressionIsRefusedAtItsFieldWithItsColumn() throws Exception {
    ProjectDocument d = base();
    String before = text(d);
    ProjectDocument.Result r =
        d.apply(
            ProjectEdit.compound(
                "kernel score",
                ProjectEdit.remove(TYPE + "/kernel/theta"),
                ProjectEdit.set(TYPE + "/kernel/score", "a_j + a_k")));
    assertOnlyProblem(r.problems(), TYPE + "/kernel/score", "unknown variable 'a_k'", "column 6");
    assertEquals(before, text(d));
    assertNull(d.spec().vesicleTypes().get(0).kernel().score());

    ExpressionException e =
        assertThrows(
            ExpressionException.class, () -> d.checkExpression(TYPE + "/kernel/score", "(a_j + 1"));
    assertEquals(8, e.column());
    assertTrue(e.reason().startsWith("missing ')'"), e.reason());
    d.checkExpression(TYPE + "/kernel/score", "a_j - abs(e_j) + c[1]"); // c has payloadDim 2
    assertThrows(
        IllegalArgumentException.class, () -> d.checkExpression(TYPE + "/kernel/theta", "1"));
  }

  @Test
  void problemsOnlyTheCompilerSeesAlsoRefuseTheEdit() throws Exception {
    ProjectDocument d = base();
    String before = text(d);
    ProjectDocument.Result r =
        d.apply(ProjectEdit.set(TYPE + "/emission/emitters", json("[0, 1, 99]")));
    assertHasProblem(r.problems(), TYPE + "/emission/emitters/2", "node 99 does not exist");
    assertEquals(before, text(d));
  }

  @Test
  void theFormatVersionIsNotEditable() throws Exception {
    ProjectDocument d = base();
    ProjectDocument.Result r = d.apply(ProjectEdit.remove("/formatVersion"));
    assertOnlyProblem(r.problems(), "/formatVersion", "current format");
  }

  @Test
  void undoAndRedoGiveBackTheExactTreesIncludingFieldOrder() throws Exception {
    ProjectDocument d = base();
    String t0 = text(d);
    // Remove a field from the middle of its object: undo must put it back in its place.
    d.apply(ProjectEdit.remove(TYPE + "/lifetime/law"));
    String t1 = text(d);
    d.apply(ProjectEdit.set(TYPE + "/kernel/temperature", 0.25));
    String t2 = text(d);
    d.apply(
        ProjectEdit.insert(TYPE + "/release/0", json("{\"kind\": \"learning\", \"l\": [1, 0]}")));
    String t3 = text(d);
    assertEquals("learning", d.spec().vesicleTypes().get(0).release().get(0).kind());

    d.undo();
    assertEquals(t2, text(d));
    d.undo();
    assertEquals(t1, text(d));
    d.undo();
    assertEquals(t0, text(d));
    assertFalse(d.isDirty(), "back at the saved state");
    assertFalse(d.canUndo());
    d.redo();
    d.redo();
    d.redo();
    assertEquals(t3, text(d));
    assertFalse(d.canRedo());
    assertEquals(2, d.spec().vesicleTypes().get(0).release().size());
  }

  @Test
  void setCreatesMissingObjectsAndUndoRemovesThem() throws Exception {
    ProjectDocument d = base();
    String t0 = text(d);
    d.apply(ProjectEdit.set(TYPE + "/state/decay", 0.5)); // "state" is absent: p = 0 allows it
    assertEquals(0.5, d.get(TYPE + "/state/decay").asDouble());
    d.undo();
    assertEquals(t0, text(d));
    assertTrue(d.get(TYPE + "/state").isMissingNode());

    // The first element of a list that is not there creates the list.
    d.apply(ProjectEdit.insert(TYPE + "/absorbing/-", json("8")));
    assertEquals("[8]", d.get(TYPE + "/absorbing").toString());
    d.undo();
    assertEquals(t0, text(d));
  }

  @Test
  void aCompoundEditIsCheckedAsAWholeAndUndoneAsOneStep() throws Exception {
    ProjectDocument d = base();
    String t0 = text(d);
    // A score beside theta is refused (only one could apply); with theta removed in the same step
    // the kernel becomes an expression.
    assertTrue(d.check(ProjectEdit.set(TYPE + "/kernel/score", "a_j")).refused());
    ProjectDocument.Result r =
        d.apply(
            ProjectEdit.compound(
                "kernel as an expression",
                ProjectEdit.remove(TYPE + "/kernel/theta"),
                ProjectEdit.set(TYPE + "/kernel/score", "(1 - stay) + a_j")));
    assertTrue(r.applied(), r.problems().toString());
    assertEquals("(1 - stay) + a_j", d.spec().vesicleTypes().get(0).kernel().score());
    assertEquals("kernel as an expression", d.undoLabel());
    d.undo();
    assertEquals(t0, text(d));
    assertFalse(d.canUndo());
  }

  @Test
  void typingIntoOneFieldIsOneStepOfUndoUntilTheFieldIsLeft() throws Exception {
    ProjectDocument d = base();
    String t0 = text(d);
    for (String s : new String[] {"1", "1.5", "1.75"}) {
      assertTrue(
          d.applyMerging(ProjectEdit.set(TYPE + "/kernel/temperature", Double.parseDouble(s)))
              .applied());
    }
    // A refused keystroke in between changes nothing and does not break the step.
    assertTrue(d.applyMerging(ProjectEdit.set(TYPE + "/kernel/temperature", -1)).refused());
    d.applyMerging(ProjectEdit.set(TYPE + "/kernel/temperature", 2));
    d.endMerge();
    d.applyMerging(ProjectEdit.set(TYPE + "/kernel/temperature", 3));
    d.undo();
    assertEquals(2.0, d.spec().vesicleTypes().get(0).kernel().temperature());
    d.undo();
    assertEquals(t0, text(d));
    assertFalse(d.canUndo());
  }

  @Test
  void aNewEditClearsRedoAndAnEditThatChangesNothingIsNoStep() throws Exception {
    ProjectDocument d = base();
    d.apply(ProjectEdit.set(TYPE + "/cap", 50));
    d.undo();
    assertTrue(d.canRedo());
    ProjectDocument.Result same = d.apply(ProjectEdit.set(TYPE + "/name", "signal"));
    assertFalse(same.applied());
    assertFalse(same.refused());
    assertTrue(d.canRedo(), "an edit that changed nothing cleared redo");
    d.apply(ProjectEdit.set(TYPE + "/cap", 60));
    assertFalse(d.canRedo());
  }

  @Test
  void listenersHearEachChangeWithWhatItMeansForARun() throws Exception {
    ProjectDocument d = base();
    List<ProjectDocument.Change> heard = new ArrayList<>();
    d.addListener(heard::add);
    d.apply(ProjectEdit.set("/description", "edited"));
    d.apply(ProjectEdit.set(TYPE + "/kernel/theta/activation", 2));
    d.apply(ProjectEdit.set("/host/graph/layers", json("[3, 5, 2]")));
    d.undo();
    d.redo();
    d.markSaved();
    assertEquals(
        List.of(Kind.EDIT, Kind.EDIT, Kind.EDIT, Kind.UNDO, Kind.REDO, Kind.SAVED),
        heard.stream().map(ProjectDocument.Change::kind).toList());
    assertEquals(
        List.of(
            ModelChange.Kind.NONE,
            ModelChange.Kind.LIVE,
            ModelChange.Kind.RESET,
            ModelChange.Kind.RESET,
            ModelChange.Kind.RESET,
            ModelChange.Kind.NONE),
        heard.stream().map(c -> c.effect().kind()).toList());
    assertTrue(heard.get(4).dirty());
    assertFalse(heard.get(5).dirty());
    assertArrayEquals(new int[] {3, 5, 2}, d.spec().host().graph().layers());
  }

  @Test
  void listenersSeeTheUndoAndRedoStacksAsTheyAreAfterTheChange() throws Exception {
    ProjectDocument d = base();
    List<String> seen = new ArrayList<>();
    d.addListener(c -> seen.add(c.kind() + " " + d.undoLabel() + " / " + d.redoLabel()));
    d.apply(ProjectEdit.set(TYPE + "/cap", 9));
    d.undo();
    d.redo();
    assertEquals(List.of("EDIT cap / null", "UNDO null / cap", "REDO cap / null"), seen);
  }

  @Test
  void whatNeedsAResetAndWhatARunTakesLive() throws Exception {
    assertEquals(ModelChange.Kind.NONE, effectOf(ProjectEdit.set("/name", "renamed")));
    assertEquals(ModelChange.Kind.NONE, effectOf(ProjectEdit.set("/ticks", 99)));
    assertEquals(ModelChange.Kind.LIVE, effectOf(ProjectEdit.set(TYPE + "/kernel/temperature", 3)));
    assertEquals(ModelChange.Kind.LIVE, effectOf(ProjectEdit.set(TYPE + "/docking/bias", -1)));
    assertEquals(
        ModelChange.Kind.LIVE, effectOf(ProjectEdit.set(TYPE + "/emission/lambdaMax", 0.9)));
    assertEquals(
        ModelChange.Kind.LIVE, effectOf(ProjectEdit.set(TYPE + "/release/0/gain", json("[1, 1]"))));
    assertEquals(
        ModelChange.Kind.LIVE, effectOf(ProjectEdit.set(TYPE + "/kernel/neighbourhood", "both")));
    // The fixture leaves dwell at its default, 1: writing it out changes nothing a run uses.
    assertEquals(ModelChange.Kind.NONE, effectOf(ProjectEdit.set(TYPE + "/docking/dwell", 1)));
    assertEquals(ModelChange.Kind.RESET, effectOf(ProjectEdit.set(TYPE + "/docking/dwell", 3)));
    assertEquals(ModelChange.Kind.RESET, effectOf(ProjectEdit.set(TYPE + "/name", "other")));
    assertEquals(ModelChange.Kind.RESET, effectOf(ProjectEdit.set("/seed", 4)));
    assertEquals(ModelChange.Kind.RESET, effectOf(ProjectEdit.set("/host/modulationDecay", 0.5)));
    assertEquals(
        ModelChange.Kind.RESET,
        effectOf(
            ProjectEdit.compound(
                "payloadDim",
                ProjectEdit.set(TYPE + "/payloadDim", 1),
                ProjectEdit.set(TYPE + "/release/0/gain", json("[1]")),
                ProjectEdit.set(TYPE + "/release/0/bias", json("[0]")))));
    assertEquals(
        ModelChange.Kind.RESET,
        effectOf(ProjectEdit.insert("/vesicleTypes/-", json("{\"name\": \"second\"}"))));
  }

  private static ModelChange.Kind effectOf(ProjectEdit edit) throws ProjectException {
    ProjectDocument d = base();
    ProjectDocument.Result r = d.apply(edit);
    assertTrue(r.applied(), () -> edit + ": " + r.problems());
    return r.effect().kind();
  }

  @Test
  void savingAndOpeningAgainGivesTheSameTree(@TempDir Path dir) throws Exception {
    ProjectDocument d = base();
    d.apply(ProjectEdit.set(TYPE + "/kernel/temperature", 0.3));
    d.apply(ProjectEdit.set("/description", "a \"quoted\" description, unicode: rho \u03c1"));
    Path folder = dir.resolve("edited.nvlab");
    assertTrue(d.save(folder, json("{\"panel\": \"kernel\"}")));
    assertFalse(d.isDirty());

    ProjectFiles.Loaded again = ProjectFiles.load(folder);
    assertEquals(text(d), CanonicalJson.write(again.tree()));
    assertEquals(text(d), Files.readString(folder.resolve(ProjectFiles.PROJECT)));
    ProjectDocument reopened = ProjectDocument.of(again);
    assertFalse(reopened.isDirty());
    assertEquals(0.3, reopened.spec().vesicleTypes().get(0).kernel().temperature());

    assertFalse(d.save(folder, null), "an unchanged document wrote project.json again");
    d.undo();
    assertTrue(d.isDirty());
    assertTrue(d.save(folder, null));
    assertTrue(Files.exists(folder.resolve(ProjectFiles.BACKUP)));
  }

  /**
   * Many random edits, valid and invalid, of a project that uses nearly every field: after each,
   * the document is exactly the tree of the applied edits; undoing all gives the original text and
   * redoing all the final one.
   */
  @Test
  void randomEditsUndoneAndRedoneGiveBackEveryTree() throws Exception {
    ProjectDocument d = ProjectDocument.parse(ProjectFixtures.EVERYTHING, ProjectFixtures.FILE);
    String[] pointers = {
      "/vesicleTypes/0/kernel/temperature",
      "/vesicleTypes/0/kernel/theta/bias",
      "/vesicleTypes/0/lifetime/mean",
      "/vesicleTypes/0/lifetime/hazard",
      "/vesicleTypes/0/emission/bias",
      "/vesicleTypes/0/emission/lambdaMax",
      "/vesicleTypes/0/docking/bias",
      "/vesicleTypes/0/release/3/omega",
      "/vesicleTypes/0/release/4/count",
      "/vesicleTypes/1/docking/bias",
      "/vesicleTypes/1/lifetime/value",
      "/vesicleTypes/1/cap",
      "/host/modulationDecay",
      "/description",
    };
    Random random = new Random(42);
    List<String> texts = new ArrayList<>();
    texts.add(text(d));
    int applied = 0;
    int refused = 0;
    for (int i = 0; i < 300; i++) {
      String p = pointers[random.nextInt(pointers.length)];
      String before = text(d);
      ProjectEdit edit;
      int what = random.nextInt(10);
      if (what == 0) {
        edit = ProjectEdit.remove(p);
      } else if (p.equals("/description")) {
        edit = ProjectEdit.set(p, "edit " + i);
      } else {
        // Some values are out of range (negative means, hazards above 1): those are refused.
        edit = ProjectEdit.set(p, Math.round((random.nextDouble() * 3 - 0.5) * 100) / 100.0);
      }
      ProjectDocument.Result r = d.apply(edit);
      if (r.applied()) {
        applied++;
        texts.add(text(d));
      } else {
        refused += r.refused() ? 1 : 0;
        assertEquals(before, text(d));
      }
    }
    assertTrue(applied > 100 && refused > 10, applied + " applied, " + refused + " refused");
    for (int k = texts.size() - 2; k >= 0; k--) {
      assertTrue(d.undo().applied());
      assertEquals(texts.get(k), text(d), "after undoing back to step " + k);
    }
    assertFalse(d.canUndo());
    for (int k = 1; k < texts.size(); k++) {
      d.redo();
      assertEquals(texts.get(k), text(d));
    }
    assertNotEquals(texts.get(0), text(d));
  }
}
