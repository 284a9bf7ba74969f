package org.nvlab.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.rule.RuleExpression;

/**
 * Reads one JSON object with defaults and checks, recording a {@link Problem} (with the JSON
 * pointer of the field) for every bad value instead of stopping at the first, and reporting fields
 * it does not know (usually typos) when {@link #finish} is called.
 */
final class JsonIn {
  private final JsonNode node;
  private final String pointer;
  private final String file;
  private final List<Problem> problems;
  private final Set<String> read = new LinkedHashSet<>();

  JsonIn(JsonNode node, String pointer, String file, List<Problem> problems) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.pointer = pointer;
    this.file = file;
    this.problems = problems;
    if (!this.node.isMissingNode() && !this.node.isObject()) {
      problem("", "must be an object, got " + kind(this.node));
    }
  }

  String pointer() {
    return pointer;
  }

  String pointer(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  boolean has(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  JsonNode raw(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  void problem(String key, String message) {
    problems.add(new Problem(file, key.isEmpty() ? pointer : pointer(key), message));
  }

  List<Problem> problems() {
    return problems;
  }

  String file() {
    return file;
  }

  static String kind(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual()) {
      return "text \"" + v.asText() + "\"";
    }
    if (v.isBoolean()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return v.asText();
    }
    return v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  double num(String key, double def, double min, double max) {
    JsonNode v = raw(key);
    if (v == null) {
      return def;
    }
    if (!v.isNumber()) {
      problem(key, "must be a number, got " + kind(v));
      return def;
    }
    double x = v.asDouble();
    if (!Double.isFinite(x)) {
      problem(key, "must be a finite number, got " + v.asText());
      return def;
    }
    if (x < min || x > max) {
      problem(key, "must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(x));
      return def;
    }
    return x;
  }

  /** Like {@link #num} but "Infinity" (as text) is allowed, for temperatures. */
  double numOrInfinity(String key, double def, double min) {
    JsonNode v = raw(key);
    if (v != null && v.isTextual() && v.asText().equalsIgnoreCase("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    return num(key, def, min, Double.MAX_VALUE);
  }

  long integer(String key, long def, long min, long max) {
    JsonNode v = raw(key);
    if (v == null) {
      return def;
    }
    if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
      problem(key, "must be a whole number, got " + kind(v));
      return def;
    }
    if (!v.canConvertToLong()) {
      problem(key, "is too large: " + v.asText());
      return def;
    }
    long x = v.asLong();
    if (x < min || x > max) {
      problem(key, "must be in [" + min + ", " + max + "], got " + x);
      return def;
    }
    return x;
  }

  int integer(String key, int def, int min, int max) {
    return (int) integer(key, (long) def, (long) min, (long) max);
  }

  boolean bool(String key, boolean def) {
    JsonNode v = raw(key);
    if (v == null) {
      return def;
    }
    if (!v.isBoolean()) {
      problem(key, "must be true or false, got " + kind(v));
      return def;
    }
    return v.asBoolean();
  }

  String text(String key, String def) {
    JsonNode v = raw(key);
    if (v == null) {
      return def;
    }
    if (!v.isTextual()) {
      problem(key, "must be text, got " + kind(v));
      return def;
    }
    return v.asText();
  }

  /** One of the allowed words (case-insensitive; '_' and '-' are the same). */
  String choice(String key, String def, String... allowed) {
    String s = text(key, def);
    if (s == null) {
      return null;
    }
    String norm = s.toLowerCase(Locale.ROOT).replace('_', '-');
    for (String a : allowed) {
      if (a.equals(norm)) {
        return a;
      }
    }
    problem(key, "must be one of " + String.join(", ", allowed) + "; got \"" + s + "\"");
    return def;
  }

  JsonIn obj(String key) {
    return new JsonIn(raw(key), pointer(key), file, problems);
  }

  /** The elements of a list of objects (absent: empty). */
  List<JsonIn> objects(String key) {
    JsonNode v = raw(key);
    List<JsonIn> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      problem(key, "must be a list, got " + kind(v));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(new JsonIn(v.get(i), pointer(key) + "/" + i, file, problems));
    }
    return out;
  }

  /** A list of numbers of the given length (-1: any), or null when absent. */
  double[] numbers(String key, int length) {
    JsonNode v = raw(key);
    if (v == null) {
      return null;
    }
    return numbersAt(v, pointer(key), length);
  }

  double[] numbersAt(JsonNode v, String at, int length) {
    if (!v.isArray()) {
      problems.add(new Problem(file, at, "must be a list of numbers, got " + kind(v)));
      return null;
    }
    if (length >= 0 && v.size() != length) {
      problems.add(new Problem(file, at, "must have " + length + " numbers, got " + v.size()));
      return null;
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = v.get(i);
      if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
        problems.add(new Problem(file, at + "/" + i, "must be a finite number, got " + kind(e)));
        return null;
      }
      out[i] = e.asDouble();
    }
    return out;
  }

  /** A rows x cols matrix as a list of rows (row-major), or null when absent. */
  double[] matrix(String key, int rows, int cols) {
    JsonNode v = raw(key);
    if (v == null) {
      return null;
    }
    if (!v.isArray() || v.size() != rows) {
      problem(
          key,
          "must be a list of "
              + rows
              + " rows of "
              + cols
              + " numbers, got "
              + (v.isArray() ? v.size() + " rows" : kind(v)));
      return null;
    }
    double[] out = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      double[] row = numbersAt(v.get(r), pointer(key) + "/" + r, cols);
      if (row == null) {
        return null;
      }
      System.arraycopy(row, 0, out, r * cols, cols);
    }
    return out;
  }

  /** A list of rows of {@code cols} numbers each, any number of rows, flattened; null if absent. */
  double[] rows(String key, int cols) {
    JsonNode v = raw(key);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      problem(key, "must be a list of rows of " + cols + " numbers, got " + kind(v));
      return null;
    }
    double[] out = new double[v.size() * cols];
    for (int r = 0; r < v.size(); r++) {
      double[] row = numbersAt(v.get(r), pointer(key) + "/" + r, cols);
      if (row == null) {
        return null;
      }
      System.arraycopy(row, 0, out, r * cols, cols);
    }
    return out;
  }

  /**
   * A user expression at key, checked for its place (SPEC section 8): its text, or null when absent
   * or rejected (with a problem naming the column and the reason).
   */
  String expression(String key, RuleExpression.Place place, ProjectReader.Dims dims) {
    JsonNode v = raw(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(key, "must be an expression (text), got " + kind(v));
      return null;
    }
    try {
      RuleExpression.check(v.asText(), place, dims.d(), dims.p(), dims.memoryDim(), dims.zDim());
      return v.asText();
    } catch (ExpressionException e) {
      problem(key, e.getMessage());
      return null;
    }
  }

  /** Reports fields that were never read (unknown, usually misspelt). */
  void finish() {
    if (!node.isObject()) {
      return;
    }
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!read.contains(f)) {
        String near = nearest(f, read);
        problem(
            f,
            "unknown field '" + f + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
      }
    }
  }

  /** The known name closest to {@code f} in edit distance, or null if none is close. */
  static String nearest(String f, Collection<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int dist = editDistance(f.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (dist < bestD) {
        bestD = dist;
        best = k;
      }
    }
    return bestD <= Math.max(2, f.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static String fmt(double x) {
    if (x == Double.MAX_VALUE) {
      return "inf";
    }
    if (x == -Double.MAX_VALUE) {
      return "-inf";
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    // As a person would type it in JSON: 0.25, 1e-9, 1.5e20 (not Java's 1.0E-9).
    return new BigDecimal(Double.toString(x))
        .stripTrailingZeros()
        .toString()
        .toLowerCase(Locale.ROOT)
        .replace("e+", "e");
  }
}
