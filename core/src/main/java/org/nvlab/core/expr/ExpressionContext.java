package org.nvlab.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables an expression may read and where they sit in the {@code double[]} that {@link
 * CompiledExpression#evaluate} receives: scalars take one slot, a vector of length n takes n
 * consecutive slots, in the order they were declared. Immutable; built by the engine, never by the
 * user.
 *
 * <pre>{@code
 * ExpressionContext ctx = ExpressionContext.builder()
 *     .scalars("a_i", "a_j", "w_ij").vector("c", 8).build();
 * double[] values = new double[ctx.size()];
 * values[ctx.slot("a_j")] = 0.3;
 * values[ctx.slot("c") + 2] = 1.5;          // c[2]
 * }</pre>
 */
public final class ExpressionContext {
  /** The longest variable name. */
  public static final int MAX_NAME_LENGTH = 64;

  /** The most slots a context may have (vectors count their length). */
  public static final int MAX_SLOTS = 1 << 20;

  private final Map<String, Slot> slots;
  private final int size;

  private ExpressionContext(Map<String, Slot> slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The length of the values array: the sum of the scalars and the vectors' lengths. */
  public int size() {
    return size;
  }

  /** Every name, in the order declared. */
  public List<String> names() {
    return List.copyOf(slots.keySet());
  }

  public boolean contains(String name) {
    return slots.containsKey(name);
  }

  /** True for a vector, false for a scalar; an unknown name is an IllegalArgumentException. */
  public boolean isVector(String name) {
    return get(name).vector();
  }

  /** A scalar's slot, or the slot of a vector's element 0. */
  public int slot(String name) {
    return get(name).offset();
  }

  /** A vector's length (1 for a scalar). */
  public int length(String name) {
    return get(name).length();
  }

  /** The names as an error message lists them, vectors with their length: {@code a_i, c[8]}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Slot> e : slots.entrySet()) {
      parts.add(e.getKey() + (e.getValue().vector() ? "[" + e.getValue().length() + "]" : ""));
    }
    return String.join(", ", parts);
  }

  /** The vectors only, as in {@link #toString()}. */
  String vectorsToString() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Slot> e : slots.entrySet()) {
      if (e.getValue().vector()) {
        parts.add(e.getKey() + "[" + e.getValue().length() + "]");
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** The slot of a name, or null. */
  Slot find(String name) {
    return slots.get(name);
  }

  private Slot get(String name) {
    Slot s = slots.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no variable '" + name + "' in " + this);
    }
    return s;
  }

  /** Where a variable sits: {@code length} slots from {@code offset}. */
  record Slot(int offset, int length, boolean vector) {}

  /** Declares the variables; names must be identifiers that are not functions or constants. */
  public static final class Builder {
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private int size;

    private Builder() {}

    public Builder scalar(String name) {
      return add(name, 1, false);
    }

    public Builder scalars(String... names) {
      for (String n : names) {
        scalar(n);
      }
      return this;
    }

    /** A vector of {@code length} >= 1 elements, usable as name[0] .. name[length-1]. */
    public Builder vector(String name, int length) {
      if (length < 1) {
        throw new IllegalArgumentException(
            "vector '" + name + "' must have length >= 1, got " + length);
      }
      return add(name, length, true);
    }

    public ExpressionContext build() {
      return new ExpressionContext(Collections.unmodifiableMap(new LinkedHashMap<>(slots)), size);
    }

    private Builder add(String name, int length, boolean vector) {
      checkName(name);
      if (slots.containsKey(name)) {
        throw new IllegalArgumentException("variable '" + name + "' is declared twice");
      }
      if (length > MAX_SLOTS - size) {
        throw new IllegalArgumentException("more than " + MAX_SLOTS + " slots");
      }
      slots.put(name, new Slot(size, length, vector));
      size += length;
      return this;
    }

    private static void checkName(String name) {
      if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "a variable name must have 1 to " + MAX_NAME_LENGTH + " characters: " + name);
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean ok = Lexer.isNameStart(c) || (i > 0 && Lexer.isDigit(c));
        if (!ok) {
          throw new IllegalArgumentException(
              "'" + name + "' is not a name: use letters a-z, A-Z, digits and '_'");
        }
      }
      if (Function.byName(name) != null || Lexer.constant(name) != null) {
        throw new IllegalArgumentException(
            "'" + name + "' is the name of a function or constant of the expression language");
      }
    }
  }
}
