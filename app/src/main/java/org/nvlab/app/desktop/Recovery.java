package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nvlab.core.project.CanonicalJson;
import org.nvlab.core.project.ProjectFiles;

/**
 * Autosave and crash recovery. While a project has unsaved changes the window writes them here
 * every little while ({@code recovery/ID/project.json} and {@code recovery/ID/recovery.json}: where
 * the project lives, its name, when, and the writing process), never over the user's own file.
 * Saving or a clean close removes the entry; an entry left behind by a process that is no longer
 * running is the work of a session that crashed, offered back on the next start.
 */
final class Recovery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path folder;

  Recovery(Path folder) {
    this.folder = folder;
  }

  /** Unsaved work of a session that ended without saving it. */
  record Entry(String id, Path location, String name, Instant savedAt, Path projectFile) {}

  /**
   * Writes the unsaved project of session {@code id} (atomically: a crash mid-write loses only this
   * autosave, never the previous one).
   */
  void write(String id, Path location, String name, ObjectNode tree) throws IOException {
    Path dir = folder.resolve(id);
    Files.createDirectories(dir);
    ProjectFiles.writeAtomically(
        dir.resolve(ProjectFiles.PROJECT),
        CanonicalJson.write(tree).getBytes(StandardCharsets.UTF_8),
        null);
    ObjectNode meta = JSON.createObjectNode();
    meta.put("location", location == null ? "" : location.toAbsolutePath().toString());
    meta.put("name", name);
    meta.put("savedAt", Instant.now().toString());
    meta.put("pid", ProcessHandle.current().pid());
    ProjectFiles.writeAtomically(
        dir.resolve("recovery.json"),
        CanonicalJson.write(meta).getBytes(StandardCharsets.UTF_8),
        null);
  }

  /** Removes session {@code id}'s autosave (after a save or a clean close). */
  void discard(String id) {
    Path dir = folder.resolve(id);
    try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      System.err.println("nvlab: could not remove the autosave " + dir + ": " + e.getMessage());
    }
  }

  /** Autosaves left by sessions whose process is gone (a running lab's are not offered). */
  List<Entry> orphans() {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path dir : s.sorted().toList()) {
        try {
          JsonNode meta = JSON.readTree(Files.readString(dir.resolve("recovery.json")));
          long pid = meta.path("pid").asLong(-1);
          if (pid == ProcessHandle.current().pid()
              || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
          String loc = meta.path("location").asText("");
          out.add(
              new Entry(
                  dir.getFileName().toString(),
                  loc.isEmpty() ? null : Path.of(loc),
                  meta.path("name").asText("untitled"),
                  Instant.parse(meta.path("savedAt").asText(Instant.EPOCH.toString())),
                  dir.resolve(ProjectFiles.PROJECT)));
        } catch (IOException | RuntimeException e) {
          // A half-written or foreign folder: not an autosave we can offer.
        }
      }
    } catch (IOException e) {
      // No recovery folder we can read: nothing to offer.
    }
    return out;
  }
}
