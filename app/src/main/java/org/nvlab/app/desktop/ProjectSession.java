package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;

/**
 * The project open in the window: its {@link ProjectDocument} (the JSON tree the editors change,
 * with undo and redo), the view state it was opened with, where it lives (a {@code NAME.nvlab}
 * folder, a shared zip read in place, or nowhere yet for a new project), and whether it has changes
 * that are not saved.
 *
 * <p>Reading and marking happen on the FX thread; {@link #write} runs on the I/O thread and only
 * touches the immutable revision it was given and the disk.
 */
final class ProjectSession {
  private final ProjectDocument document;
  private final ObjectNode openedView;
  private volatile Path location;
  private boolean neverSaved; // new or recovered: unsaved whatever the document says

  ProjectSession(ProjectDocument document, ObjectNode view, Path location, boolean unsaved) {
    this.document = document;
    this.openedView = view;
    this.location = location;
    this.neverSaved = unsaved;
  }

  /** A new, unsaved project from the template every new project starts from. */
  static ProjectSession newProject() {
    try (var in = ProjectSession.class.getResourceAsStream("new-project.json")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new ProjectSession(
          ProjectDocument.parse(text, ProjectFiles.PROJECT), null, null, true);
    } catch (IOException | ProjectException | NullPointerException e) {
      throw new IllegalStateException("the new-project template is broken: " + e, e);
    }
  }

  ProjectDocument document() {
    return document;
  }

  ObjectNode tree() {
    return document.tree();
  }

  /** The view state (view.json) the project was opened with, or null. */
  ObjectNode view() {
    return openedView;
  }

  /** The folder or zip the project came from; null for a new project never saved. */
  Path location() {
    return location;
  }

  /** The folder Save writes to, or null when Save must ask where (new project, shared zip). */
  Path saveFolder() {
    Path l = location;
    return l != null && !ProjectFiles.isArchive(l) && Files.isDirectory(l) ? l : null;
  }

  boolean dirty() {
    return neverSaved || document.isDirty();
  }

  /** The name to show: the folder's, the zip's, or the project's own for a new one. */
  String name() {
    if (location == null) {
      return document.spec().name();
    }
    return SampleProjects.displayName(location);
  }

  /**
   * Writes a revision into a project folder (project.json with a backup, view.json; any thread).
   * Saving as a new folder refuses one that holds another project, and takes the README of the
   * project it came from along.
   */
  void write(ProjectDocument.Revision revision, Path folder, ObjectNode view) throws IOException {
    Path from = saveFolder();
    boolean asNew = from == null || !from.toAbsolutePath().equals(folder.toAbsolutePath());
    if (asNew && Files.exists(folder.resolve(ProjectFiles.PROJECT))) {
      throw new IOException(folder + " already holds a project; choose a new folder");
    }
    ProjectFiles.save(folder, revision.tree(), view);
    if (asNew && from != null) {
      Path readme = from.resolve(ProjectFiles.README);
      if (Files.isRegularFile(readme) && !Files.exists(folder.resolve(ProjectFiles.README))) {
        Files.copy(readme, folder.resolve(ProjectFiles.README), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** After {@link #write} succeeded (FX thread): this is the project's home and that is on disk. */
  void saved(ProjectDocument.Revision revision, Path folder) {
    location = folder;
    neverSaved = false;
    document.markSaved(revision);
  }
}
