package org.nvlab.core.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link ProjectSaveCrashTest}: saves two versions of a project into one
 * folder, alternately, as fast as it can, until it is killed. Prints "saving" once the first save
 * is done, so the parent knows the loop has started.
 */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    ObjectNode[] versions = {
      ProjectReader.parseTree(Files.readString(Path.of(args[1])), "a"),
      ProjectReader.parseTree(Files.readString(Path.of(args[2])), "b")
    };
    ObjectNode[] views = {
      (ObjectNode) versions[0].deepCopy().removeAll().put("version", "a"),
      (ObjectNode) versions[1].deepCopy().removeAll().put("version", "b")
    };
    byte[][] texts = {
      CanonicalJson.write(versions[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8),
      CanonicalJson.write(versions[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8)
    };
    Path file = folder.resolve(ProjectFiles.PROJECT);
    Path backup = folder.resolve(ProjectFiles.BACKUP);
    boolean told = false;
    for (long i = 0; ; i++) {
      int k = (int) (i & 1);
      if (i % 8 == 0) {
        // The whole save (text, comparison, view.json) now and then ...
        ProjectFiles.save(folder, versions[k], views[k]);
      } else {
        // ... and mostly its atomic replacement alone, with the text made in advance, so that
        // nearly every kill lands inside the part that must be atomic.
        ProjectFiles.writeAtomically(file, texts[k], backup);
      }
      if (!told) {
        System.out.println("saving");
        System.out.flush();
        told = true;
      }
    }
  }
}
