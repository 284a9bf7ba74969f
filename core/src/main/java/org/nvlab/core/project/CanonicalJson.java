package org.nvlab.core.project;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one way the lab writes its JSON files, so that saving an unchanged project gives the same
 * bytes and a diff between two versions shows only what changed: two-space indentation, fields in
 * the order they were given, lists of numbers or words filled onto lines of at most {@value #WIDTH}
 * columns, a matrix (a list of such lists) one row per line, UTF-8 text left readable, LF line ends
 * and a final newline. Numbers are written as they were read: whole numbers as whole numbers,
 * others in Java's shortest round-trip form (so reading what was written gives the same double
 * back, bit for bit).
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** Lines of filled lists stop before this column. */
  public static final int WIDTH = 100;

  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

  /** The canonical text of a JSON tree. */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(4096);
    value(out, node, 0);
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, JsonNode node, int depth) {
    if (node.isObject()) {
      object(out, node, depth);
    } else if (node.isArray()) {
      array(out, node, depth);
    } else {
      scalar(out, node);
    }
  }

  private static void object(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      indent(out, depth + 1);
      quote(out, f.getKey());
      out.append(": ");
      value(out, f.getValue(), depth + 1);
      out.append(it.hasNext() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
  }

  private static void array(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    if (allScalar(node)) {
      filled(out, node, depth);
      return;
    }
    out.append("[\n");
    for (int i = 0; i < node.size(); i++) {
      indent(out, depth + 1);
      JsonNode e = node.get(i);
      if (e.isArray() && allScalar(e)) {
        filled(out, e, depth + 1);
      } else {
        value(out, e, depth + 1);
      }
      out.append(i + 1 < node.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  /** A list of scalars: on the current line when it fits, else filled onto indented lines. */
  private static void filled(StringBuilder out, JsonNode node, int depth) {
    int lineStart = out.lastIndexOf("\n") + 1;
    int mark = out.length();
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      scalar(out, node.get(i));
    }
    out.append(']');
    if (out.length() - lineStart <= WIDTH) {
      return;
    }
    // Too long for one line: one element list per line, each line as full as the width allows.
    out.setLength(mark);
    out.append("[\n");
    indent(out, depth + 1);
    int margin = 2 * (depth + 1);
    int used = margin;
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < node.size(); i++) {
      item.setLength(0);
      scalar(item, node.get(i));
      if (i + 1 < node.size()) {
        item.append(',');
      }
      if (used > margin && used + 1 + item.length() > WIDTH) {
        out.append('\n');
        indent(out, depth + 1);
        used = margin;
      }
      if (used > margin) {
        out.append(' ');
        used++;
      }
      out.append(item);
      used += item.length();
    }
    out.append('\n');
    indent(out, depth);
    out.append(']');
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode e : array) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static void scalar(StringBuilder out, JsonNode node) {
    if (node.isTextual()) {
      quote(out, node.textValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      out.append(node.decimalValue().toString());
    } else if (node.isNumber()) {
      double d = node.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "JSON has no " + d + "; the lab writes infinities as the text \"Infinity\"");
      }
      out.append(d);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " as JSON");
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    QUOTE.quoteAsString(s, out);
    out.append('"');
  }

  private static void indent(StringBuilder out, int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }
}
