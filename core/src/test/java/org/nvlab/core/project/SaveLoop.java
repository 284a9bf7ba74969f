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
    boolean told = false;
    for (long i = 0; ; i++) {
      int k = (int) (i & 1);
      ProjectFiles.save(folder, versions[k], views[k]);
      if (!told) {
        System.out.println("saving");
        System.out.flush();
        told = true;
      }
    }
  }
}
