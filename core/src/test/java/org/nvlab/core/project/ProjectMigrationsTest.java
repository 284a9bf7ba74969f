package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each migration turns a file of its version into the next version exactly as written down in
 * {@code migrations/N-before.json} and {@code N-after.json}; a migration added without such a pair
 * fails {@link #everyMigrationHasABeforeAndAfterPair}.
 */
class ProjectMigrationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<ProjectMigrations.Migration> migrations() {
    return ProjectMigrations.ALL.stream();
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = ProjectMigrationsTest.class.getResourceAsStream("migrations/" + name)) {
      return in == null ? null : JSON.readTree(in);
    }
  }

  @Test
  void everyMigrationHasABeforeAndAfterPair() throws IOException {
    assertEquals(ProjectMigrations.CURRENT - 1, ProjectMigrations.ALL.size());
    for (int v = 1; v < ProjectMigrations.CURRENT; v++) {
      assertEquals(v, ProjectMigrations.ALL.get(v - 1).from(), "migrations in order");
      assertNotNull(resource(v + "-before.json"), "no migrations/" + v + "-before.json");
      assertNotNull(resource(v + "-after.json"), "no migrations/" + v + "-after.json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("migrations")
  void aMigrationTurnsItsBeforeFileIntoItsAfterFile(ProjectMigrations.Migration m)
      throws Exception {
    ObjectNode tree = (ObjectNode) resource(m.from() + "-before.json");
    JsonNode after = resource(m.from() + "-after.json");
    List<String> notes = m.step().apply(tree);
    tree.put("formatVersion", m.from() + 1);
    assertEquals(after, tree);
    assertTrue(!notes.isEmpty(), "a migration that changed something says what");
  }

  @Test
  void theOldestFileMigratesToTheCurrentFormatAndReads() throws Exception {
    ObjectNode tree = (ObjectNode) resource("1-before.json");
    List<String> notes = ProjectMigrations.migrate(tree);
    assertEquals(ProjectMigrations.CURRENT, tree.get("formatVersion").asInt());
    assertEquals(
        "format 1 -> 2: /vesicleTypes/0/docking/activation -> /vesicleTypes/0/docking/weights/activation",
        notes.get(0));
    ProjectSpec spec = ProjectReader.read(tree, "1-before.json");
    assertEquals(2.0, spec.vesicleTypes().get(0).docking().eta()[0]);
    assertEquals(0.5, spec.vesicleTypes().get(0).docking().eta()[1]);
    assertEquals(-1.0, spec.vesicleTypes().get(0).docking().eta()[2]);
    assertEquals(4.0, spec.vesicleTypes().get(4).docking().eta()[2]);
  }

  @Test
  void aFileWithoutAVersionIsTheFirstFormatAndACurrentFileIsLeftAlone() throws Exception {
    ObjectNode none = (ObjectNode) JSON.readTree("{\"vesicleTypes\": []}");
    assertEquals(1, ProjectMigrations.version(none));
    ObjectNode current = (ObjectNode) resource("1-after.json");
    ObjectNode copy = current.deepCopy();
    assertEquals(List.of(), ProjectMigrations.migrate(current));
    assertEquals(copy, current);
  }
}
