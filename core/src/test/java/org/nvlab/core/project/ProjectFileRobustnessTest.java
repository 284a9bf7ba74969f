package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nvlab.core.Model;

/**
 * Thousands of damaged project files, made deterministically from valid ones: whatever the damage,
 * reading and compiling either succeeds or throws {@link ProjectException} with located problems,
 * never another exception, and never takes long.
 */
class ProjectFileRobustnessTest {
  private static final long MAX_NANOS = 1_000_000_000L;
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern KEY = Pattern.compile("\"([A-Za-z_]+)\"\\s*:");
  private static final Pattern TEXT_VALUE = Pattern.compile(":\\s*(\"[^\"]*\")");
  private static final String[] NUMBER_REPLACEMENTS = {
    "\"x\"",
    "-1",
    "-1e9",
    "0",
    "0.5",
    "10000",
    "1e9",
    "1e300",
    "2147483648",
    "9223372036854775808",
    "true",
    "null",
    "[]",
    "{}",
    "[1e9]"
  };
  private static final String[] STRUCTURE_REPLACEMENTS = {
    "1", "\"x\"", "[]", "{}", "null", "[[1e9, -1]]", "{\"all\": 1}"
  };
  private static final String[] TEXT_REPLACEMENTS = {"1", "\"\"", "\"zzz\"", "[]", "{}", "null"};

  private final List<String> failures = new ArrayList<>();
  private int valid;
  private int rejected;

  @Test
  void damagedProjectsAreEitherReadOrRejectedWithProblemsAndNeverCrash() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path p : ProjectFixtures.samples()) {
      sources.put(p.getFileName().toString(), Files.readString(p.resolve("project.json")));
    }
    sources.put("BASE", ProjectFixtures.BASE);
    sources.put("EVERYTHING", ProjectFixtures.EVERYTHING);
    int mutations = 0;
    for (Map.Entry<String, String> e : sources.entrySet()) {
      assertEquals(List.of(), ProjectFixtures.problems(e.getValue()), e.getKey() + " is invalid");
      mutations += mutate(e.getKey(), e.getValue());
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + mutations
              + " damaged files broke the reader or compiler; the first ones:\n"
              + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }
    // The mutations must exercise both outcomes, else the test proves little.
    assertTrue(mutations > 3000, "only " + mutations + " mutations");
    assertTrue(valid > 100, "only " + valid + " mutations were still valid");
    assertTrue(rejected > 1000, "only " + rejected + " mutations were rejected");
  }

  private int mutate(String name, String text) {
    int count = 0;
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    // Delete a random range of 1..24 characters.
    for (int k = 0; k < 400; k++) {
      int from = rnd.nextInt(text.length());
      int to = Math.min(text.length(), from + 1 + rnd.nextInt(24));
      check(
          name + " without [" + from + ", " + to + ")",
          text.substring(0, from) + text.substring(to));
      count++;
    }
    // Truncate at every k-th position.
    int step = Math.max(1, text.length() / 250);
    for (int at = 0; at < text.length(); at += step) {
      check(name + " cut at " + at, text.substring(0, at));
      count++;
    }
    // Replace each number by text, a negative, a huge value, another type.
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      for (String r : NUMBER_REPLACEMENTS) {
        check(
            name + " number at " + m.start() + " -> " + r,
            text.substring(0, m.start()) + r + text.substring(m.end()));
        count++;
      }
    }
    // Replace each text value by a number, empty text, an unknown word, another type.
    m = TEXT_VALUE.matcher(text);
    while (m.find()) {
      for (String r : TEXT_REPLACEMENTS) {
        check(
            name + " text at " + m.start(1) + " -> " + r,
            text.substring(0, m.start(1)) + r + text.substring(m.end(1)));
        count++;
      }
    }
    // Replace each object or list value by another kind of value.
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '{' || c == '[') && precededByColon(text, i)) {
        int end = matchingClose(text, i);
        for (String r : STRUCTURE_REPLACEMENTS) {
          check(
              name + " value at " + i + " -> " + r,
              text.substring(0, i) + r + text.substring(end + 1));
          count++;
        }
      }
    }
    // Duplicate each key (the copy comes first, with another value), and misspell it.
    m = KEY.matcher(text);
    while (m.find()) {
      String key = m.group(1);
      check(
          name + " duplicate key " + key + " at " + m.start(),
          text.substring(0, m.start()) + "\"" + key + "\": 0, " + text.substring(m.start()));
      check(
          name + " misspelt key " + key + " at " + m.start(),
          text.substring(0, m.start(1)) + key + "x" + text.substring(m.end(1)));
      count += 2;
    }
    return count;
  }

  private static boolean precededByColon(String text, int i) {
    int k = i - 1;
    while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
      k--;
    }
    return k >= 0 && text.charAt(k) == ':';
  }

  /** The index of the bracket closing the one at {@code open} (strings skipped). */
  private static int matchingClose(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new AssertionError("unbalanced source at " + open);
  }

  private void check(String what, String text) {
    long t0 = System.nanoTime();
    try {
      ProjectSpec spec = ProjectReader.parse(text, "project.json");
      Model.compile(spec, "project.json");
      valid++;
    } catch (ProjectException e) {
      rejected++;
      if (e.problems().isEmpty()) {
        failures.add(what + ": rejected without a problem");
      }
      for (Problem p : e.problems()) {
        if (!"project.json".equals(p.file())
            || p.pointer() == null
            || !(p.pointer().isEmpty() || p.pointer().startsWith("/"))
            || p.message() == null
            || p.message().isBlank()) {
          failures.add(what + ": malformed problem " + p);
        }
      }
    } catch (RuntimeException | Error e) {
      failures.add(what + ": " + e);
    }
    long dt = System.nanoTime() - t0;
    if (dt > MAX_NANOS) {
      failures.add(what + ": took " + dt / 1_000_000 + " ms");
    }
  }
}
