package org.nvlab.viz.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import org.nvlab.core.edit.ProjectEdit;

/**
 * How a field's JSON value reads as text in an editor and how typed text becomes JSON again. The
 * text is short and forgiving ("0.5, 0.2" for a list, "1, 0; 0, 1" for a matrix, "layer 1" for a
 * node set); what the text means is then checked by the project reader like a file would be.
 */
final class FieldText {
  private FieldText() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Text that cannot be turned into JSON for its kind; the message says what is expected. */
  static final class BadText extends Exception {
    private static final long serialVersionUID = 1L;

    BadText(String message) {
      super(message);
    }
  }

  /** The text shown for a JSON value ("" for a missing one). */
  static String format(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      StringBuilder b = new StringBuilder();
      boolean matrix = v.size() > 0 && v.get(0).isArray();
      for (JsonNode e : v) {
        if (b.length() > 0) {
          b.append(matrix ? "; " : ", ");
        }
        b.append(format(e));
      }
      return b.toString();
    }
    if (v.isObject()) {
      if (v.has("layer") && v.size() == 1) {
        return "layer " + v.get("layer").asText();
      }
      if (v.has("range") && v.size() == 1 && v.get("range").size() == 2) {
        return "range " + v.get("range").get(0).asText() + " " + v.get("range").get(1).asText();
      }
      return v.toString();
    }
    return v.asText();
  }

  /** A number typed in any usual way ("0.5", "-3", "1e-3"). */
  static JsonNode number(String text) throws BadText {
    try {
      double x = Double.parseDouble(text.strip());
      if (!Double.isFinite(x)) {
        throw new BadText("must be a finite number");
      }
      return ProjectEdit.number(x);
    } catch (NumberFormatException e) {
      throw new BadText("must be a number, like 0.5 or -3 (got \"" + text.strip() + "\")");
    }
  }

  static JsonNode integer(String text) throws BadText {
    try {
      return F.numberNode(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      throw new BadText("must be a whole number, like 4 (got \"" + text.strip() + "\")");
    }
  }

  /** A temperature: a number, or "Infinity" (the uniform walk). */
  static JsonNode temperature(String text) throws BadText {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("infinity") || t.equals("inf")) {
      return TextNode.valueOf("Infinity");
    }
    return number(text);
  }

  /** Numbers separated by commas or spaces. */
  static ArrayNode numbers(String text) throws BadText {
    ArrayNode a = F.arrayNode();
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isBlank()) {
      return a;
    }
    for (String part : t.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        a.add(number(part));
      }
    }
    return a;
  }

  /** Rows separated by ';' or new lines, each a list of numbers. */
  static ArrayNode matrix(String text) throws BadText {
    ArrayNode rows = F.arrayNode();
    for (String row : text.split("[;\\n]")) {
      if (!row.isBlank()) {
        rows.add(numbers(row));
      }
    }
    return rows;
  }

  /** True when the text reads as a list of numbers (so a readout is a list, not an expression). */
  static boolean isNumbers(String text) {
    try {
      numbers(text);
      return true;
    } catch (BadText e) {
      return false;
    }
  }

  /** A node set: "all", "layer 1", "range 0 10" (end excluded) or indices "0, 4, 7". */
  static JsonNode nodes(String text) throws BadText {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("all")) {
      return TextNode.valueOf("all");
    }
    String[] w = t.split("[\\s,]+");
    if (w[0].equals("layer") && w.length == 2) {
      ObjectNode o = F.objectNode();
      o.set("layer", integer(w[1]));
      return o;
    }
    if (w[0].equals("range") && w.length == 3) {
      ObjectNode o = F.objectNode();
      o.set("range", F.arrayNode().add(integer(w[1])).add(integer(w[2])));
      return o;
    }
    if (w[0].equals("layer") || w[0].equals("range")) {
      throw new BadText("write \"layer K\" or \"range FIRST END\" (END excluded)");
    }
    ArrayNode a = F.arrayNode();
    for (String part : w) {
      a.add(integer(part));
    }
    return a;
  }
}
