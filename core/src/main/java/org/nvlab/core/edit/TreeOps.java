package org.nvlab.core.edit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.nvlab.core.project.ProjectReader;

/**
 * The primitive changes a {@link ProjectEdit} becomes once it is resolved against a tree, each of
 * which returns its exact inverse when applied: a field put back at the position it had, a list
 * element re-inserted at its index. Undo applies the inverses in reverse order, so it restores the
 * tree node for node and field order for field order (canonical JSON writes fields in order, so the
 * saved bytes come back too).
 *
 * <p>Values are copied whenever they enter or leave a tree, so the history and the trees never
 * share a node that one of them could change.
 */
final class TreeOps {
  private TreeOps() {}

  /** One primitive change; {@code parent} is the JSON pointer of the container it changes. */
  sealed interface Op permits PutField, RemoveField, SetElement, InsertElement, RemoveElement {
    String parent();
  }

  /** Sets a field: in place when present, else at {@code position} (or the end when -1). */
  record PutField(String parent, String name, int position, JsonNode value) implements Op {}

  record RemoveField(String parent, String name) implements Op {}

  record SetElement(String parent, int index, JsonNode value) implements Op {}

  record InsertElement(String parent, int index, JsonNode value) implements Op {}

  record RemoveElement(String parent, int index) implements Op {}

  /** An edit that cannot be resolved against the tree (a pointer through a number, say). */
  static final class EditException extends Exception {
    private static final long serialVersionUID = 1L;
    final String pointer;

    EditException(String pointer, String message) {
      super(message);
      this.pointer = pointer;
    }
  }

  /**
   * Resolves {@code edit} against {@code root} and applies it, appending the primitive changes made
   * to {@code forward} and their inverses, in the order to apply them, to the front of {@code
   * inverse}. An edit that would change nothing adds nothing.
   */
  static void apply(ObjectNode root, ProjectEdit edit, List<Op> forward, List<Op> inverse)
      throws EditException {
    if (edit instanceof ProjectEdit.Compound c) {
      for (ProjectEdit e : c.edits()) {
        apply(root, e, forward, inverse);
      }
      return;
    }
    for (Op op : resolve(root, edit)) {
      Op undo = apply(root, op);
      forward.add(op);
      inverse.add(0, undo);
    }
  }

  /** Applies ops in order (a history entry's forward or inverse list). */
  static void applyAll(ObjectNode root, List<Op> ops) {
    for (Op op : ops) {
      apply(root, op);
    }
  }

  private static List<Op> resolve(ObjectNode root, ProjectEdit edit) throws EditException {
    String pointer =
        edit instanceof ProjectEdit.Set s
            ? s.pointer()
            : edit instanceof ProjectEdit.Remove r
                ? r.pointer()
                : ((ProjectEdit.Insert) edit).pointer();
    List<String> tokens = tokens(pointer);
    if (tokens.get(0).equals("formatVersion") && tokens.size() == 1) {
      throw new EditException(
          pointer, "is the lab's own: the file is always saved in the current format");
    }
    // Walk to the parent; a missing object on the way is created by a set (as one nested value).
    JsonNode node = root;
    for (int k = 0; k < tokens.size() - 1; k++) {
      JsonNode child = child(node, tokens.get(k), pointer(tokens, k));
      if (child == null) {
        return missingParent(edit, tokens, k, pointer);
      }
      node = child;
    }
    String last = tokens.get(tokens.size() - 1);
    String parent = pointer(tokens, tokens.size() - 1);
    if (node instanceof ObjectNode o) {
      if (edit instanceof ProjectEdit.Set s) {
        JsonNode old = o.get(last);
        return old != null && old.equals(s.value())
            ? List.of()
            : List.of(new PutField(parent, last, -1, s.value().deepCopy()));
      }
      if (edit instanceof ProjectEdit.Remove) {
        return o.has(last) ? List.of(new RemoveField(parent, last)) : List.of();
      }
      throw new EditException(pointer, "is in an object, not a list: nothing can be inserted here");
    }
    if (node instanceof ArrayNode a) {
      int size = a.size();
      if (edit instanceof ProjectEdit.Insert ins) {
        int at = last.equals("-") ? size : index(last, size + 1, pointer);
        return List.of(new InsertElement(parent, at, ins.value().deepCopy()));
      }
      int at = index(last, size, pointer);
      if (edit instanceof ProjectEdit.Set s) {
        return a.get(at).equals(s.value())
            ? List.of()
            : List.of(new SetElement(parent, at, s.value().deepCopy()));
      }
      return List.of(new RemoveElement(parent, at));
    }
    throw new EditException(
        pointer,
        parent + " is " + ProjectReader.kindOf(node) + ", which has no fields or elements");
  }

  /** The edit when the container at tokens[k] does not exist yet. */
  private static List<Op> missingParent(
      ProjectEdit edit, List<String> tokens, int k, String pointer) throws EditException {
    if (edit instanceof ProjectEdit.Remove) {
      return List.of(); // nothing there to remove
    }
    JsonNode value;
    int leafFrom;
    if (edit instanceof ProjectEdit.Insert ins) {
      String last = tokens.get(tokens.size() - 1);
      if (k != tokens.size() - 2 || !(last.equals("0") || last.equals("-"))) {
        throw new EditException(
            pointer, "the list " + pointer(tokens, tokens.size() - 1) + " does not exist");
      }
      // The first element of a list that is not there yet: the list is created with it.
      value = JsonNodeFactory.instance.arrayNode().add(ins.value().deepCopy());
      leafFrom = tokens.size() - 2;
    } else {
      value = ((ProjectEdit.Set) edit).value().deepCopy();
      leafFrom = tokens.size() - 1;
    }
    for (int j = leafFrom; j > k; j--) {
      ObjectNode wrap = JsonNodeFactory.instance.objectNode();
      wrap.set(tokens.get(j), value);
      value = wrap;
    }
    return List.of(new PutField(pointer(tokens, k), tokens.get(k), -1, value));
  }

  private static JsonNode child(JsonNode node, String token, String at) throws EditException {
    if (node instanceof ObjectNode o) {
      return o.get(token);
    }
    if (node instanceof ArrayNode a) {
      return a.get(index(token, a.size(), at + "/" + escape(token)));
    }
    throw new EditException(
        at, "is " + ProjectReader.kindOf(node) + ", which has no fields or elements");
  }

  private static int index(String token, int bound, String pointer) throws EditException {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      throw new EditException(pointer, "'" + token + "' is not a list index");
    }
    int i = Integer.parseInt(token);
    if (i >= bound) {
      throw new EditException(
          pointer, "the list has " + (bound == 0 ? "no" : "only " + bound) + " elements here");
    }
    return i;
  }

  /** Applies one primitive change and returns its inverse. */
  static Op apply(ObjectNode root, Op op) {
    JsonNode container = root.at(JsonPointer.compile(op.parent()));
    if (op instanceof PutField p) {
      ObjectNode o = (ObjectNode) container;
      JsonNode old = o.get(p.name());
      if (old != null) {
        o.replace(p.name(), p.value().deepCopy()); // a LinkedHashMap keeps the field's place
        return new PutField(p.parent(), p.name(), -1, old);
      }
      insertField(o, p.name(), p.position(), p.value().deepCopy());
      return new RemoveField(p.parent(), p.name());
    }
    if (op instanceof RemoveField r) {
      ObjectNode o = (ObjectNode) container;
      int position = position(o, r.name());
      JsonNode old = o.remove(r.name());
      return new PutField(r.parent(), r.name(), position, old);
    }
    ArrayNode a = (ArrayNode) container;
    if (op instanceof SetElement s) {
      JsonNode old = a.get(s.index());
      a.set(s.index(), s.value().deepCopy());
      return new SetElement(s.parent(), s.index(), old);
    }
    if (op instanceof InsertElement i) {
      a.insert(i.index(), i.value().deepCopy());
      return new RemoveElement(i.parent(), i.index());
    }
    RemoveElement r = (RemoveElement) op;
    JsonNode old = a.remove(r.index());
    return new InsertElement(r.parent(), r.index(), old);
  }

  private static int position(ObjectNode o, String name) {
    int k = 0;
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); k++) {
      if (it.next().equals(name)) {
        return k;
      }
    }
    return -1;
  }

  /** Adds a field at a position (the end when -1 or past it), keeping the others' order. */
  private static void insertField(ObjectNode o, String name, int position, JsonNode value) {
    if (position < 0 || position >= o.size()) {
      o.set(name, value);
      return;
    }
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    o.fields().forEachRemaining(f -> fields.add(Map.entry(f.getKey(), f.getValue())));
    o.removeAll();
    for (int k = 0; k < fields.size(); k++) {
      if (k == position) {
        o.set(name, value);
      }
      o.set(fields.get(k).getKey(), fields.get(k).getValue());
    }
  }

  /** The unescaped tokens of a pointer ({@code ~1} is '/', {@code ~0} is '~'). */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** The pointer of the first {@code count} tokens. */
  static String pointer(List<String> tokens, int count) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < count; k++) {
      b.append('/').append(escape(tokens.get(k)));
    }
    return b.toString();
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
