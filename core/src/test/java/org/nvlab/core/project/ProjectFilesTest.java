package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project folder on disk: saving with a backup, view state apart, sharing as a zip. */
class ProjectFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ObjectNode base() throws ProjectException {
    return ProjectFiles.load(ProjectFixtures.BASE, "base.json").tree();
  }

  @Test
  void aSavedProjectLoadsBackWithItsViewStateApart() throws Exception {
    Path folder = dir.resolve("base.nvlab");
    ObjectNode view = JSON.createObjectNode();
    view.putObject("layout").putArray("node0").add(1.5).add(-2);
    view.putArray("openPanels").add("kernel editor");
    assertTrue(ProjectFiles.save(folder, base(), view));

    ProjectFiles.Loaded p = ProjectFiles.load(folder);
    assertEquals("base", p.spec().name());
    assertEquals(folder, p.folder());
    assertEquals(view, p.view());
    assertFalse(Files.readString(folder.resolve("project.json")).contains("layout"));
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void savingKeepsThePreviousVersionAsBackupAndNothingChangesWhenNothingChanged() throws Exception {
    Path folder = dir.resolve("p.nvlab");
    ObjectNode v1 = base();
    ProjectFiles.save(folder, v1, null);
    byte[] first = Files.readAllBytes(folder.resolve("project.json"));
    assertFalse(Files.exists(folder.resolve("project.json.bak")));

    ObjectNode v2 = v1.deepCopy().put("seed", 99);
    assertTrue(ProjectFiles.save(folder, v2, null));
    assertArrayEquals(first, Files.readAllBytes(folder.resolve("project.json.bak")));
    assertEquals(99, ProjectFiles.load(folder).spec().seed());

    // The same text again: no write, and the backup still holds the version before the change.
    assertFalse(ProjectFiles.save(folder, v2, null));
    assertArrayEquals(first, Files.readAllBytes(folder.resolve("project.json.bak")));
    try (var s = Files.list(folder)) {
      assertEquals(
          List.of("project.json", "project.json.bak"),
          s.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aTemporaryFileLeftByAnInterruptedSaveIsRemovedByTheNextSave() throws Exception {
    Path folder = dir.resolve("p.nvlab");
    ProjectFiles.save(folder, base(), null);
    Path stale = folder.resolve(".project.json.1234abcd.tmp");
    Files.writeString(stale, "{\"half\": ");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertEquals("base", ProjectFiles.load(folder).spec().name());
    ProjectFiles.save(folder, base().put("seed", 4), null);
    assertFalse(Files.exists(stale));
  }

  @Test
  void aFormat1ProjectIsMigratedOnLoadAndTheFileChangesOnlyWhenSaved() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("old.nvlab"));
    Files.writeString(folder.resolve("project.json"), ProjectFixtures.BASE);
    ProjectFiles.Loaded p = ProjectFiles.load(folder);
    assertEquals(1, p.fileVersion());
    assertTrue(p.migrated());
    assertTrue(p.migrations().get(0).contains("docking"), p.migrations().toString());
    assertEquals(ProjectFixtures.BASE, Files.readString(folder.resolve("project.json")));

    ProjectFiles.save(folder, p.tree(), null);
    assertEquals(ProjectFixtures.BASE, Files.readString(folder.resolve("project.json.bak")));
    ProjectFiles.Loaded again = ProjectFiles.load(folder);
    assertFalse(again.migrated());
    assertEquals(ProjectSpec.FORMAT_VERSION, again.fileVersion());
    assertEquals(1.0, again.tree().at("/vesicleTypes/0/docking/weights/activation").asDouble());
  }

  @Test
  void aBrokenViewFileIsSetAsideWithAWarningAndTheProjectStillLoads() throws Exception {
    Path folder = dir.resolve("p.nvlab");
    ProjectFiles.save(folder, base(), null);
    Files.writeString(folder.resolve("view.json"), "{\"layout\": [1, 2");
    ProjectFiles.Loaded p = ProjectFiles.load(folder);
    assertNull(p.view());
    assertEquals(1, p.warnings().size());
    assertTrue(p.warnings().get(0).startsWith("view.json:"), p.warnings().toString());
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAsSuch() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("latin.nvlab"));
    Files.write(
        folder.resolve("project.json"),
        ProjectFixtures.BASE
            .replace("\"base\"", "\"caf\u00e9\"")
            .getBytes(StandardCharsets.ISO_8859_1));
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.load(folder));
    assertTrue(e.problems().get(0).message().contains("not UTF-8"), e.getMessage());
  }

  @Test
  void aPackedProjectLoadsFromItsZipAndUnpacksToTheSameFolder() throws Exception {
    Path folder = dir.resolve("share.nvlab");
    ProjectFiles.save(folder, base(), JSON.createObjectNode().put("zoom", 2));
    Files.writeString(folder.resolve("README.md"), "# share\n");
    Files.createDirectories(folder.resolve("runs"));
    Files.writeString(folder.resolve("runs/runs.duckdb"), "not shared");
    ProjectFiles.save(folder, base().put("seed", 8), null); // leaves a backup, not shared either

    Path zip = dir.resolve("share.nvlab.zip");
    List<String> entries = ProjectFiles.pack(folder, zip, false);
    assertEquals(
        List.of("share.nvlab/README.md", "share.nvlab/project.json", "share.nvlab/view.json"),
        entries);
    byte[] once = Files.readAllBytes(zip);
    ProjectFiles.pack(folder, zip, false);
    assertArrayEquals(once, Files.readAllBytes(zip), "packing twice gives the same bytes");

    ProjectFiles.Loaded p = ProjectFiles.load(zip);
    assertEquals(8, p.spec().seed());
    assertNull(p.folder(), "a zipped project is saved elsewhere, not into the zip");
    assertEquals("share.nvlab.zip!/share.nvlab/project.json", p.file());
    assertEquals(2, p.view().get("zoom").asInt());

    Path out = ProjectFiles.unpack(zip, dir.resolve("copy").resolve("share.nvlab"));
    assertArrayEquals(
        Files.readAllBytes(folder.resolve("project.json")),
        Files.readAllBytes(out.resolve("project.json")));
    assertFalse(Files.exists(out.resolve("runs")));
  }

  @Test
  void problemsInAZippedProjectNameTheArchiveAndTheEntry() throws Exception {
    Path zip = dir.resolve("bad.nvlab.zip");
    zip(zip, "bad.nvlab/project.json", ProjectFixtures.set(ProjectFixtures.BASE, "/seed", "-1"));
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.load(zip));
    assertEquals("bad.nvlab.zip!/bad.nvlab/project.json", e.problems().get(0).file());
    assertEquals("/seed", e.problems().get(0).pointer());
  }

  @Test
  void anArchiveWhoseEntriesWouldEscapeItsFolderIsRefusedBeforeAnythingIsWritten()
      throws Exception {
    Path zip = dir.resolve("evil.nvlab.zip");
    zip(zip, "evil.nvlab/project.json", ProjectFixtures.BASE, "evil.nvlab/../../outside.txt", "x");
    ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.load(zip));
    assertTrue(e.getMessage().contains("outside the project folder"), e.getMessage());
    Path into = dir.resolve("unpacked");
    assertThrows(ProjectException.class, () -> ProjectFiles.unpack(zip, into));
    assertFalse(Files.exists(into));
    assertFalse(Files.exists(dir.getParent().resolve("outside.txt")));
  }

  @Test
  void anArchiveWithoutOrWithSeveralProjectsIsExplained() throws Exception {
    Path none = dir.resolve("none.zip");
    zip(none, "notes.txt", "hello");
    assertTrue(
        assertThrows(ProjectException.class, () -> ProjectFiles.load(none))
            .getMessage()
            .contains("holds no project.json"));
    Path two = dir.resolve("two.zip");
    zip(
        two,
        "a.nvlab/project.json",
        ProjectFixtures.BASE,
        "b.nvlab/project.json",
        ProjectFixtures.BASE);
    assertTrue(
        assertThrows(ProjectException.class, () -> ProjectFiles.load(two))
            .getMessage()
            .contains("holds 2 projects"));
    Path garbage = dir.resolve("garbage.nvlab.zip");
    Files.writeString(garbage, "this is not a zip");
    assertTrue(
        assertThrows(ProjectException.class, () -> ProjectFiles.load(garbage))
            .getMessage()
            .contains("not a readable zip"));
  }

  private static void zip(Path zip, String... namesAndTexts) throws IOException {
    try (OutputStream f = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(f)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndTexts[i]));
        out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
