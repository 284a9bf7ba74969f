package org.nvlab.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * One change to a project's JSON tree, as an editor asks for it: set, remove or insert a value at a
 * JSON pointer (RFC 6901), or several of those as one step. A {@link ProjectDocument} checks the
 * result as a whole and either applies it or refuses it with the problems it would cause; an
 * applied edit is one step of undo.
 *
 * <p>Edits are plain values: they name what to change, not how to undo it (the document records
 * that when it applies them). {@link #label()} is what the Edit menu shows ("Undo kernel score").
 */
public sealed interface ProjectEdit {

  /** What Undo and Redo call this edit. */
  String label();

  /**
   * Sets the value at {@code pointer}: replaces an object's field in place (keeping its position,
   * so a saved diff shows one changed line), adds it at the end when absent (creating missing
   * parent objects), or replaces an existing list element.
   */
  record Set(String pointer, JsonNode value, String label) implements ProjectEdit {
    public Set {
      requirePointer(pointer);
      if (value == null || value.isMissingNode()) {
        throw new IllegalArgumentException("no value to set at " + pointer);
      }
    }
  }

  /** Removes an object's field (nothing happens when it is absent) or a list element. */
  record Remove(String pointer, String label) implements ProjectEdit {
    public Remove {
      requirePointer(pointer);
    }
  }

  /**
   * Inserts {@code value} into a list: the pointer's last token is the index it will have (0 to the
   * list's length) or {@code -} for the end.
   */
  record Insert(String pointer, JsonNode value, String label) implements ProjectEdit {
    public Insert {
      requirePointer(pointer);
      if (value == null || value.isMissingNode()) {
        throw new IllegalArgumentException("no value to insert at " + pointer);
      }
    }
  }

  /** Several edits applied in order and checked, undone and redone as one step. */
  record Compound(String label, List<ProjectEdit> edits) implements ProjectEdit {
    public Compound {
      edits = List.copyOf(edits);
    }
  }

  static ProjectEdit set(String pointer, JsonNode value) {
    return new Set(pointer, value, describe(pointer));
  }

  /** Sets a number: whole numbers are written whole ({@code 3}), others as doubles. */
  static ProjectEdit set(String pointer, double value) {
    return set(pointer, number(value));
  }

  static ProjectEdit set(String pointer, String text) {
    return set(pointer, TextNode.valueOf(text));
  }

  static ProjectEdit set(String pointer, boolean value) {
    return set(pointer, BooleanNode.valueOf(value));
  }

  static ProjectEdit remove(String pointer) {
    return new Remove(pointer, "remove " + describe(pointer));
  }

  static ProjectEdit insert(String pointer, JsonNode value) {
    return new Insert(pointer, value, "add " + describe(pointer));
  }

  static ProjectEdit compound(String label, ProjectEdit... edits) {
    return new Compound(label, List.of(edits));
  }

  static ProjectEdit compound(String label, List<ProjectEdit> edits) {
    return new Compound(label, edits);
  }

  /** The same edit under another label. */
  default ProjectEdit labelled(String label) {
    if (this instanceof Set s) {
      return new Set(s.pointer(), s.value(), label);
    } else if (this instanceof Remove r) {
      return new Remove(r.pointer(), label);
    } else if (this instanceof Insert i) {
      return new Insert(i.pointer(), i.value(), label);
    }
    return new Compound(label, ((Compound) this).edits());
  }

  /**
   * A JSON number for a double: whole values that fit a long become integers, so that a field typed
   * as {@code 3} is saved as {@code 3}, not {@code 3.0}.
   */
  static JsonNode number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !isNegativeZero(value)) {
      return LongNode.valueOf((long) value);
    }
    return DoubleNode.valueOf(value);
  }

  private static boolean isNegativeZero(double v) {
    return v == 0 && Double.doubleToRawLongBits(v) != 0;
  }

  /** A short name for the field at a pointer, for labels: {@code kernel score}, {@code layers}. */
  static String describe(String pointer) {
    List<String> parts = TreeOps.tokens(pointer);
    // The type is named by the editor that made the edit: "/vesicleTypes/0/cap" is "cap".
    if (parts.size() > 2 && parts.get(0).equals("vesicleTypes") && isIndex(parts.get(1))) {
      parts = parts.subList(2, parts.size());
    }
    int from = Math.max(0, parts.size() - 2);
    // "release/1/gain" reads better as "release 1 gain" than "1 gain".
    if (parts.size() >= 3 && isIndex(parts.get(parts.size() - 2))) {
      from = parts.size() - 3;
    }
    return String.join(" ", parts.subList(from, parts.size()));
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
  }

  private static void requirePointer(String pointer) {
    if (pointer == null || !pointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "an edit needs a JSON pointer below the root, like /seed; got " + pointer);
    }
  }
}
