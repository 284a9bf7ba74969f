package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nvlab.core.project.CanonicalJson;
import org.nvlab.core.project.ProjectFiles;

/**
 * What the lab remembers between sessions, in its configuration folder: the recently opened
 * projects ({@code recent.json}) and the autosaved changes of projects not yet saved ({@code
 * recovery/}, see {@link Recovery}). The folder is {@code -Dnvlab.config} if set (tests use a
 * temporary one), else {@code $XDG_CONFIG_HOME/nvlab}, {@code %APPDATA%\nvlab}, or {@code
 * ~/.config/nvlab}. A missing or broken file only means an empty list.
 */
final class LabPreferences {
  /** How many recent projects the File menu lists. */
  static final int RECENT_LIMIT = 10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path folder;

  LabPreferences(Path folder) {
    this.folder = folder;
  }

  /** The configuration folder of this user (not created until something is written). */
  static LabPreferences forUser() {
    String prop = System.getProperty("nvlab.config");
    if (prop != null && !prop.isBlank()) {
      return new LabPreferences(Path.of(prop));
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String appData = System.getenv("APPDATA");
    if (os.contains("win") && appData != null) {
      return new LabPreferences(Path.of(appData, "nvlab"));
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return new LabPreferences(base.resolve("nvlab"));
  }

  Path folder() {
    return folder;
  }

  /** Recently opened projects, newest first, that still exist. */
  List<Path> recent() {
    List<Path> out = new ArrayList<>();
    try {
      JsonNode list = JSON.readTree(Files.readString(folder.resolve("recent.json")));
      for (JsonNode n : list.path("projects")) {
        Path p = Path.of(n.asText());
        if (Files.exists(p) && !out.contains(p)) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No list yet, or a broken one: start a new list.
    }
    return out;
  }

  /** Puts a project at the top of the recent list (best effort: a read-only home only warns). */
  void addRecent(Path project) {
    List<Path> list = recent();
    Path p = project.toAbsolutePath().normalize();
    list.remove(p);
    list.add(0, p);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode a = root.putArray("projects");
    list.stream().limit(RECENT_LIMIT).forEach(x -> a.add(x.toString()));
    try {
      Files.createDirectories(folder);
      ProjectFiles.writeAtomically(
          folder.resolve("recent.json"),
          CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8),
          null);
    } catch (IOException e) {
      System.err.println("nvlab: could not remember recent projects: " + e.getMessage());
    }
  }

  Recovery recovery() {
    return new Recovery(folder.resolve("recovery"));
  }
}
