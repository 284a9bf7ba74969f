package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.testing.Seeds;

/**
 * The JSON Schema shipped with the format (project.schema.json, documented in docs/file-format.md)
 * accepts every project the lab ships or generates, and refuses what the reader refuses for the
 * same reason, so editors that read the schema give the same advice.
 */
class ProjectSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in = ProjectFiles.class.getResourceAsStream("project.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static String problems(JsonNode project) {
    Set<ValidationMessage> m = SCHEMA.validate(project);
    return m.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
  }

  static List<Path> samples() {
    return ProjectFixtures.samples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleProjectFollowsTheSchema(Path sample) throws Exception {
    ProjectFiles.Loaded p = ProjectFiles.load(sample);
    assertFalse(p.migrated(), sample + " is saved in an old format: run nvlab migrate on it");
    assertEquals("", problems(p.tree()), sample.toString());
  }

  @Test
  void theTestFixturesFollowTheSchemaOnceMigrated() throws Exception {
    for (String text : new String[] {ProjectFixtures.BASE, ProjectFixtures.EVERYTHING}) {
      ProjectFiles.Loaded p = ProjectFiles.load(text, "fixture.json");
      assertEquals("", problems(p.tree()));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedProjectFollowsTheSchema() {
    return Seeds.cases(
        300,
        r -> {
          ObjectNode project = RandomProjects.project(r);
          assertEquals("", problems(project), CanonicalJson.write(project));
        });
  }

  /** Breakages the schema can see, each also refused by the reader. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/colour | \"blue\"",
        "/formatVersion | 7",
        "/seed | -1",
        "/host/kind | \"spiking\"",
        "/host/graph/layers | []",
        "/host/graph/torus | true",
        "/host/rate/activation | \"softmax\"",
        "/vesicleTypes/0/emission/mode | \"burst\"",
        "/vesicleTypes/0/lifetime/hazard | 2",
        "/vesicleTypes/0/kernel/hops | 0",
        "/vesicleTypes/0/docking/activation | 1",
        "/vesicleTypes/0/docking/weights/speed | 1",
        "/vesicleTypes/0/release/0/eta | 0.1",
        "/vesicleTypes/0/release/0/gain | true",
        "/vesicleTypes/0/kernel/score | 7",
        "/vesicleTypes/0/release/1 | {\"kind\": \"learning\"}",
        "/vesicleTypes/0/release/1 | {\"kind\": \"cascade\", \"child\": \"signal\", \"payload\": \"memory\", \"offset\": [1, 2]}",
        "/vesicleTypes/0/name | \"\"",
      })
  void theSchemaAndTheReaderRefuseTheSameBreakage(String pointer, String value) throws Exception {
    ObjectNode base = ProjectFiles.load(ProjectFixtures.BASE, "base.json").tree();
    String broken = ProjectFixtures.set(base.toString(), pointer, value);
    assertFalse(problems(JSON.readTree(broken)).isEmpty(), "the schema accepts " + pointer);
    assertFalse(ProjectFixtures.problems(broken).isEmpty(), "the reader accepts " + pointer);
  }

  @Test
  void theSchemaNamesTheCurrentFormat() throws Exception {
    try (InputStream in = ProjectFiles.class.getResourceAsStream("project.schema.json")) {
      JsonNode s = JSON.readTree(in);
      assertEquals(ProjectSpec.FORMAT_VERSION, s.at("/properties/formatVersion/const").asInt());
      assertTrue(s.at("/$id").asText().endsWith("project-" + ProjectSpec.FORMAT_VERSION + ".json"));
    }
  }
}
