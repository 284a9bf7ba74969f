package org.nvlab.core.edit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.nvlab.core.Model;
import org.nvlab.core.ModelChange;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectMigrations;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.rule.RuleExpression;

/**
 * An open project being edited: its JSON tree (migrated to the current format), the validated
 * {@link ProjectSpec} of that tree, undo and redo, and whether it differs from what was last saved.
 *
 * <p>Every change goes through {@link #apply}: the edit is made on a copy of the tree, the copy is
 * read ({@link ProjectReader}) and compiled ({@link Model#compile}) as a whole, and only a copy
 * without problems replaces the document's tree. An edit that would break the project is refused:
 * the document stays exactly as it was and the problems come back with their JSON pointers, for the
 * editor to show beside the field. So the document always holds a project that loads and runs.
 *
 * <p>Each state has its own tree object that is never changed afterwards ({@link #tree()} must be
 * treated as read-only), which makes a {@link Revision} safe to hand to another thread, e.g. to
 * build a simulation from or to save. The document itself is confined to one thread (the window's).
 *
 * <p>Undo and redo replay the exact primitive changes (and their inverses) an edit made, so undoing
 * gives back the previous tree field for field and in the same field order. Each change tells
 * listeners what it means for a running simulation ({@link ModelChange}, decided where the engine
 * decides it): nothing, a rule change it can take at the next tick, or a structural change that
 * needs a reset (and why).
 */
public final class ProjectDocument {
  /** Undo keeps this many steps; older ones are forgotten. */
  public static final int HISTORY_LIMIT = 10_000;

  private static final AtomicLong REVISIONS = new AtomicLong();

  /** Why listeners are told. */
  public enum Kind {
    EDIT,
    UNDO,
    REDO,
    /** Saved: only {@link #isDirty()} changed. */
    SAVED
  }

  /**
   * One state of the document: its tree (never changed after it is published) and spec. Two
   * revisions are the same state when their ids are equal (undo returns to the earlier id).
   */
  public static final class Revision {
    private final long id;
    private final ObjectNode tree;
    private final ProjectSpec spec;

    Revision(long id, ObjectNode tree, ProjectSpec spec) {
      this.id = id;
      this.tree = tree;
      this.spec = spec;
    }

    public long id() {
      return id;
    }

    /** The project's JSON; read-only (copy it with {@code deepCopy()} to change it). */
    public ObjectNode tree() {
      return tree;
    }

    public ProjectSpec spec() {
      return spec;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Revision r && r.id == id;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id);
    }

    @Override
    public String toString() {
      return "revision " + id + " of " + spec.name();
    }
  }

  /**
   * What became of an edit, an undo or a redo.
   *
   * @param applied whether the document changed
   * @param effect what the change means for a running simulation (NONE when nothing changed)
   * @param problems why it was refused, each at its JSON pointer (empty when applied or when there
   *     was nothing to do)
   */
  public record Result(boolean applied, ModelChange effect, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    static final Result UNCHANGED = new Result(false, NOTHING, List.of());

    static Result refused(List<Problem> problems) {
      return new Result(false, NOTHING, problems);
    }

    /** True when the edit was refused (it had problems). */
    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  /**
   * What listeners hear after the document changed.
   *
   * @param kind edit, undo, redo or saved
   * @param label the step's label ("kernel score"), or "" for a save
   * @param effect what it means for a simulation running the previous revision
   * @param revision the new state
   * @param dirty whether the new state differs from the saved one
   */
  public record Change(
      Kind kind, String label, ModelChange effect, Revision revision, boolean dirty) {}

  /** Told after every change, on the thread that made it. */
  @FunctionalInterface
  public interface Listener {
    void changed(Change change);
  }

  /** One step of undo: the primitive changes made, their inverses, and the state they lead to. */
  private record Step(
      long id, String label, List<TreeOps.Op> forward, List<TreeOps.Op> inverse, String mergeKey) {}

  private final String file;
  private Revision current;
  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long savedId;
  private boolean mergeOpen;

  /** The id of the state below the oldest step kept (the loaded state until history overflows). */
  private long floorId;

  private ProjectDocument(String file, ObjectNode tree, ProjectSpec spec, boolean dirty) {
    this.file = file;
    long id = REVISIONS.incrementAndGet();
    this.current = new Revision(id, tree, spec);
    this.floorId = id;
    this.savedId = dirty ? -1 : id;
  }

  /**
   * The document of a loaded project. A file that was migrated from an older format starts dirty:
   * what is on disk is not what the document holds.
   */
  public static ProjectDocument of(ProjectFiles.Loaded loaded) {
    return new ProjectDocument(
        loaded.file(), loaded.tree().deepCopy(), loaded.spec(), loaded.migrated());
  }

  /** A document of a project tree (copied, migrated and checked), e.g. one built in code. */
  public static ProjectDocument of(ObjectNode tree, String file) throws ProjectException {
    ObjectNode copy = tree.deepCopy();
    boolean migrated = !ProjectMigrations.migrate(copy).isEmpty();
    return new ProjectDocument(file, copy, ProjectReader.read(copy, file), migrated);
  }

  /** A document of project JSON text. */
  public static ProjectDocument parse(String text, String file) throws ProjectException {
    return of(ProjectReader.parseTree(text, file), file);
  }

  // ------------------------------------------------------------------------------- reading

  /** The name problems are reported under (e.g. project.json). */
  public String file() {
    return file;
  }

  public Revision revision() {
    return current;
  }

  /** The project's JSON; read-only (it is shared with the revision). */
  public ObjectNode tree() {
    return current.tree();
  }

  public ProjectSpec spec() {
    return current.spec();
  }

  /** The value at a JSON pointer, or a missing node. */
  public JsonNode get(String pointer) {
    return current.tree().at(JsonPointer.compile(pointer));
  }

  /** True when the document differs from what was last saved (or loaded). */
  public boolean isDirty() {
    return current.id() != savedId;
  }

  // ------------------------------------------------------------------------------- editing

  /**
   * Applies an edit when the whole project stays valid; otherwise changes nothing and returns the
   * problems. An edit that changes nothing (setting a field to the value it has) is not a step of
   * undo.
   */
  public Result apply(ProjectEdit edit) {
    return apply(edit, false);
  }

  /**
   * Like {@link #apply}, but merges into the previous step when that step was also made by this
   * method on the same single field and no other step came between: typing "a_j * 2" into an
   * expression field is one step of undo, not seven. {@link #endMerge()} closes the step (when the
   * field loses the focus).
   */
  public Result applyMerging(ProjectEdit edit) {
    return apply(edit, true);
  }

  /** The next {@link #applyMerging} starts a new step of undo. */
  public void endMerge() {
    mergeOpen = false;
  }

  /** What applying an edit would give, without applying it. */
  public Result check(ProjectEdit edit) {
    ObjectNode candidate = current.tree().deepCopy();
    List<TreeOps.Op> forward = new ArrayList<>();
    try {
      TreeOps.apply(candidate, edit, forward, new ArrayList<>());
    } catch (TreeOps.EditException e) {
      return Result.refused(List.of(new Problem(file, e.pointer, e.getMessage())));
    }
    if (forward.isEmpty()) {
      return Result.UNCHANGED;
    }
    try {
      ProjectSpec spec = validate(candidate);
      return new Result(true, effect(current, new Revision(-1, candidate, spec)), List.of());
    } catch (ProjectException e) {
      return Result.refused(e.problems());
    }
  }

  private Result apply(ProjectEdit edit, boolean merging) {
    ObjectNode candidate = current.tree().deepCopy();
    List<TreeOps.Op> forward = new ArrayList<>();
    List<TreeOps.Op> inverse = new ArrayList<>();
    try {
      TreeOps.apply(candidate, edit, forward, inverse);
    } catch (TreeOps.EditException e) {
      return Result.refused(List.of(new Problem(file, e.pointer, e.getMessage())));
    }
    if (forward.isEmpty()) {
      return Result.UNCHANGED;
    }
    ProjectSpec spec;
    try {
      spec = validate(candidate);
    } catch (ProjectException e) {
      return Result.refused(e.problems());
    }
    String key = merging ? mergeKey(edit) : null;
    Step top = undo.peek();
    Step step;
    if (key != null && mergeOpen && top != null && key.equals(top.mergeKey())) {
      undo.pop();
      List<TreeOps.Op> f = new ArrayList<>(top.forward());
      f.addAll(forward);
      List<TreeOps.Op> inv = new ArrayList<>(inverse);
      inv.addAll(top.inverse());
      step = new Step(REVISIONS.incrementAndGet(), top.label(), f, inv, key);
    } else {
      step = new Step(REVISIONS.incrementAndGet(), edit.label(), forward, inverse, key);
    }
    mergeOpen = key != null;
    undo.push(step);
    while (undo.size() > HISTORY_LIMIT) {
      floorId = undo.removeLast().id();
    }
    redo.clear();
    return moveTo(new Revision(step.id(), candidate, spec), Kind.EDIT, step.label());
  }

  /** Typing merges only edits that set one and the same field. */
  private static String mergeKey(ProjectEdit edit) {
    return edit instanceof ProjectEdit.Set s ? s.pointer() : null;
  }

  /** Reads and compiles a candidate tree; its format is current, so reading leaves it as it is. */
  private ProjectSpec validate(ObjectNode candidate) throws ProjectException {
    ProjectSpec spec = ProjectReader.read(candidate, file);
    Model.compile(spec, file);
    return spec;
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** The label of the step Undo would take back, or null. */
  public String undoLabel() {
    return undo.isEmpty() ? null : undo.peek().label();
  }

  public String redoLabel() {
    return redo.isEmpty() ? null : redo.peek().label();
  }

  /** Takes back the last step; the tree is the one before it, field for field. */
  public Result undo() {
    Step step = undo.peek();
    if (step == null) {
      return Result.UNCHANGED;
    }
    long previous = undo.size() > 1 ? undo.stream().skip(1).findFirst().get().id() : floorId;
    Revision next;
    try {
      next = replay(step.inverse(), previous);
    } catch (ProjectException e) {
      return Result.refused(e.problems());
    }
    redo.push(undo.pop()); // before listeners hear of it, so they see the stacks as they are
    return moveTo(next, Kind.UNDO, step.label());
  }

  /** Makes the last undone step again. */
  public Result redo() {
    Step step = redo.peek();
    if (step == null) {
      return Result.UNCHANGED;
    }
    Revision next;
    try {
      next = replay(step.forward(), step.id());
    } catch (ProjectException e) {
      return Result.refused(e.problems());
    }
    undo.push(redo.pop());
    return moveTo(next, Kind.REDO, step.label());
  }

  /**
   * The state a step's changes lead to, checked. Every state in the history was valid when it was
   * made, so a refusal here means the world changed (a plugin that provided a release kind is
   * gone): then nothing changes and the problems are reported like an edit's.
   */
  private Revision replay(List<TreeOps.Op> ops, long id) throws ProjectException {
    mergeOpen = false;
    ObjectNode candidate = current.tree().deepCopy();
    TreeOps.applyAll(candidate, ops);
    return new Revision(id, candidate, validate(candidate));
  }

  private Result moveTo(Revision next, Kind kind, String label) {
    ModelChange effect = effect(current, next);
    current = next;
    Change change = new Change(kind, label, effect, next, isDirty());
    for (Listener l : listeners) {
      l.changed(change);
    }
    return new Result(true, effect, List.of());
  }

  // ------------------------------------------------------------------------------- saving

  /** The current state is what is on disk now (someone saved {@link #tree()}). */
  public void markSaved() {
    markSaved(current);
  }

  /**
   * The given revision is what is on disk now: a save that ran in the background wrote it while the
   * user may have edited on. The document stays dirty unless that revision is still the current
   * one.
   */
  public void markSaved(Revision written) {
    if (savedId == written.id()) {
      return;
    }
    savedId = written.id();
    Change change = new Change(Kind.SAVED, "", NOTHING, current, isDirty());
    for (Listener l : listeners) {
      l.changed(change);
    }
  }

  /**
   * Saves into a project folder through {@link ProjectFiles#save} (canonical JSON, atomic, the
   * previous file kept as project.json.bak) and marks the document saved.
   *
   * @return true when project.json changed on disk
   */
  public boolean save(Path folder, JsonNode view) throws IOException {
    boolean changed = ProjectFiles.save(folder, current.tree(), view);
    markSaved();
    return changed;
  }

  public void addListener(Listener l) {
    listeners.add(Objects.requireNonNull(l));
  }

  public void removeListener(Listener l) {
    listeners.remove(l);
  }

  /**
   * Moves a listener from the document a view follows to the next one (either may be null: no
   * document) and returns the next one: {@code doc = ProjectDocument.follow(doc, next, listener)}.
   */
  public static ProjectDocument follow(ProjectDocument from, ProjectDocument to, Listener l) {
    if (from != null) {
      from.removeListener(l);
    }
    if (to != null) {
      to.addListener(l);
    }
    return to;
  }

  // ------------------------------------------------------------------------------- expressions

  /**
   * Checks expression text for the field at {@code pointer} (emission rate, kernel score, docking
   * logit or a release readout) with the variables that place offers for its type, as the reader
   * would; throws with the column and the reason. Cheap enough to call on every key typed.
   *
   * @throws IllegalArgumentException when the pointer is not a place that takes an expression
   */
  public void checkExpression(String pointer, String source) throws ExpressionException {
    List<String> t = TreeOps.tokens(pointer);
    RuleExpression.Place place = expressionPlace(t);
    if (place == null) {
      throw new IllegalArgumentException(pointer + " does not take an expression");
    }
    int k = Integer.parseInt(t.get(1));
    if (k >= spec().vesicleTypes().size()) {
      throw new IllegalArgumentException(pointer + ": there is no vesicle type " + k);
    }
    TypeSpec type = spec().vesicleTypes().get(k);
    RuleExpression.check(
        source,
        place,
        type.payloadDim(),
        type.stateDim(),
        spec().host().memoryDim(),
        spec().globals().z().size());
  }

  /** The place of an expression field, or null for any other pointer. */
  private static RuleExpression.Place expressionPlace(List<String> t) {
    if (t.size() < 4 || !t.get(0).equals("vesicleTypes") || !isIndex(t.get(1))) {
      return null;
    }
    String a = t.get(2);
    if (t.size() == 4) {
      String b = t.get(3);
      if (a.equals("emission") && b.equals("rate")) {
        return RuleExpression.Place.EMISSION_RATE;
      }
      if (a.equals("kernel") && b.equals("score")) {
        return RuleExpression.Place.KERNEL_SCORE;
      }
      if (a.equals("docking") && b.equals("logit")) {
        return RuleExpression.Place.DOCKING_LOGIT;
      }
      return null;
    }
    if (t.size() == 5
        && a.equals("release")
        && isIndex(t.get(3))
        && List.of("gain", "bias", "threshold", "h", "l").contains(t.get(4))) {
      return RuleExpression.Place.RELEASE_MAP;
    }
    return null;
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  // ------------------------------------------------------------------------------- effects

  /** What a change that changes nothing means. */
  private static final ModelChange NOTHING = new ModelChange(ModelChange.Kind.NONE, null);

  /**
   * What moving from one revision to another means for a simulation built from the first, as {@link
   * ModelChange#between} decides it for a running simulation.
   */
  public static ModelChange effect(Revision from, Revision to) {
    return from.id() == to.id() ? NOTHING : ModelChange.between(from.spec(), to.spec());
  }
}
