package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;

/**
 * The project open in the window: what was read (its JSON tree, spec and view state), where it
 * lives (a {@code NAME.nvlab} folder, a shared zip read in place, or nowhere yet for a new
 * project), and whether it has changes that are not saved. FX thread only.
 */
final class ProjectSession {
  private ProjectFiles.Loaded document;
  private Path location;
  private boolean dirty;

  ProjectSession(ProjectFiles.Loaded document, Path location, boolean dirty) {
    this.document = document;
    this.location = location;
    this.dirty = dirty;
  }

  /** A new, unsaved project from the template every new project starts from. */
  static ProjectSession newProject() {
    try {
      String text =
          new String(
              ProjectSession.class.getResourceAsStream("new-project.json").readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      return new ProjectSession(ProjectFiles.load(text, "untitled"), null, true);
    } catch (IOException | ProjectException e) {
      throw new IllegalStateException("the new-project template is broken: " + e, e);
    }
  }

  ProjectFiles.Loaded document() {
    return document;
  }

  ObjectNode tree() {
    return document.tree();
  }

  /** The folder or zip the project came from; null for a new project never saved. */
  Path location() {
    return location;
  }

  /** The folder Save writes to, or null when Save must ask where (new project, shared zip). */
  Path saveFolder() {
    return location != null && !ProjectFiles.isArchive(location) && Files.isDirectory(location)
        ? location
        : null;
  }

  boolean dirty() {
    return dirty;
  }

  void markDirty(ProjectFiles.Loaded changed) {
    this.document = changed;
    this.dirty = true;
  }

  /** The name to show: the folder's, the zip's, or the project's own for a new one. */
  String name() {
    if (location == null) {
      return document.spec().name();
    }
    return SampleProjects.displayName(location);
  }

  /** Saves into its own folder (project.json with a backup, view.json). */
  void save(ObjectNode view) throws IOException {
    Path folder = saveFolder();
    if (folder == null) {
      throw new IllegalStateException("no folder to save into: use Save As");
    }
    ProjectFiles.save(folder, document.tree(), view);
    dirty = false;
  }

  /**
   * Saves as a new project folder (created if needed; refused if it holds another project) and
   * makes it this session's home. The README of the project it came from goes along.
   */
  void saveAs(Path folder, ObjectNode view) throws IOException {
    if (Files.exists(folder.resolve(ProjectFiles.PROJECT))
        && (location == null || !folder.toAbsolutePath().equals(location.toAbsolutePath()))) {
      throw new IOException(folder + " already holds a project; choose a new folder");
    }
    ProjectFiles.save(folder, document.tree(), view);
    Path oldFolder = saveFolder();
    if (oldFolder != null && !oldFolder.equals(folder)) {
      Path readme = oldFolder.resolve(ProjectFiles.README);
      if (Files.isRegularFile(readme) && !Files.exists(folder.resolve(ProjectFiles.README))) {
        Files.copy(readme, folder.resolve(ProjectFiles.README), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    location = folder;
    dirty = false;
  }
}
