package org.nvlab.app.desktop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the lab's {@code sample-projects/} folder and lists the projects in it.
 *
 * <p>Where the lab lives: the system property {@code nvlab.home} when set (the launcher sets it to
 * its own folder), else the working directory when it has {@code sample-projects/}, else the folder
 * two levels above the app's jar or classes ({@code app/target/nvlab-app.jar} or {@code
 * app/target/classes} in a checkout).
 */
public final class SampleProjects {
  private SampleProjects() {}

  public static final String FOLDER = "sample-projects";

  /** The sample-projects folder, or null when none was found. */
  public static Path folder() {
    String home = System.getProperty("nvlab.home");
    if (home != null && !home.isBlank()) {
      Path p = Path.of(home).toAbsolutePath().resolve(FOLDER);
      return Files.isDirectory(p) ? p : null;
    }
    Path cwd = Path.of("").toAbsolutePath().resolve(FOLDER);
    if (Files.isDirectory(cwd)) {
      return cwd;
    }
    Path root = codeRoot();
    if (root != null && Files.isDirectory(root.resolve(FOLDER))) {
      return root.resolve(FOLDER);
    }
    return null;
  }

  /** The checkout's root as seen from the app's jar or classes folder, or null. */
  private static Path codeRoot() {
    try {
      var source = SampleProjects.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path loc = Path.of(source.getLocation().toURI()).toAbsolutePath();
      Path target = loc.getParent();
      Path app = target == null ? null : target.getParent();
      return app == null ? null : app.getParent();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The project folders (those holding a project.json) in a samples folder, sorted by name. */
  public static List<Path> list(Path folder) {
    if (folder == null) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("project.json"))).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * A project's display name: its folder name without the {@code .nvlab} suffix, or a shared
   * archive's name without {@code .nvlab.zip} (or {@code .zip}).
   */
  public static String displayName(Path project) {
    String name = project.getFileName().toString();
    for (String suffix : new String[] {".nvlab.zip", ".zip", ".nvlab"}) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
