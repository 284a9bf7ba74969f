package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every spec the writer writes must satisfy, in one call for the tests of every package that
 * builds projects in code: the written tree follows the JSON Schema, reads back to an equal spec
 * (also through its canonical text), writing what was read gives the same tree again, and the
 * builder's check finds nothing.
 */
public final class WrittenProjects {
  private WrittenProjects() {}

  /** Asserts the round trip of {@code spec}; returns the written tree. */
  public static ObjectNode assertRoundTrip(ProjectSpec spec, String what) {
    ObjectNode tree = ProjectWriter.write(spec);
    String text = CanonicalJson.write(tree);
    assertEquals("", ProjectSchemaTest.problems(tree), what + " follows the schema:\n" + text);
    ProjectSpec back;
    try {
      back = ProjectReader.read(tree.deepCopy(), "written.json");
      assertNull(
          SpecEquality.difference(spec, ProjectReader.parse(text, "written.json")),
          what + " reads back from its text");
    } catch (ProjectException e) {
      throw new AssertionError(what + " as written is refused:\n" + e.getMessage() + "\n" + text);
    }
    assertNull(SpecEquality.difference(spec, back), what + " reads back equal:\n" + text);
    assertEquals(tree, ProjectWriter.write(back), what + ": writing what was read changes it");
    assertEquals(java.util.List.of(), ProjectBuilder.check(spec), what + ": the builder's check");
    return tree;
  }

  /** The spec the reader makes of a JSON resource beside {@code owner}. */
  public static ProjectSpec readResource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no resource " + name + " beside " + owner.getName());
      }
      return ProjectReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ProjectException e) {
      throw new AssertionError(name + " is refused: " + e.getMessage(), e);
    }
  }

  /** Asserts that a spec built in code is exactly the one the reader made of the old JSON. */
  public static void assertSameSpec(ProjectSpec fromJson, ProjectSpec built, String what) {
    assertNull(SpecEquality.difference(fromJson, built), what + ": the built spec differs");
  }
}
