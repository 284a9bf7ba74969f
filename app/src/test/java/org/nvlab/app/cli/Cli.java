package org.nvlab.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/** Runs {@link NvlabCommand#execute} in-process with System.out and System.err captured. */
final class Cli {
  private Cli() {}

  /** What one command line did. */
  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> outLines() {
      return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    return capture(() -> NvlabCommand.execute(args));
  }

  /** Runs {@code command} (which returns an exit code) with both streams captured. */
  static synchronized Result capture(IntSupplier command) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      System.setOut(po);
      System.setErr(pe);
      int code = command.getAsInt();
      po.flush();
      pe.flush();
      return new Result(
          code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /**
   * The repository's sample-projects folder: {@code -Dnvlab.samples}, else found by walking up from
   * the working directory (Maven runs tests in the module folder, under the repository root).
   */
  static Path samples() {
    String prop = System.getProperty("nvlab.samples");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("sample-projects"))) {
        return d.resolve("sample-projects");
      }
    }
    throw new AssertionError("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }

  /**
   * A copy of the sample NAME.nvlab, made once per test JVM in a temporary folder, so that commands
   * that write into a project (nvlab run records into NAME.nvlab/runs/) never touch the
   * repository's samples.
   */
  static synchronized Path sample(String name) {
    Path copy = COPIES.get(name);
    if (copy == null) {
      copy = copyTree(samples().resolve(name + ".nvlab"), copiesRoot().resolve(name + ".nvlab"));
      COPIES.put(name, copy);
    }
    return copy;
  }

  /** The repository's own sample folder, for tests that must see it (read only). */
  static Path repositorySample(String name) {
    return samples().resolve(name + ".nvlab");
  }

  private static final Map<String, Path> COPIES = new HashMap<>();
  private static Path copiesRoot;

  private static Path copiesRoot() {
    if (copiesRoot == null) {
      try {
        copiesRoot = Files.createTempDirectory("nvlab-test-samples");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path root = copiesRoot;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
    }
    return copiesRoot;
  }

  /** Copies a sample folder, leaving out a runs/ folder a person's own runs may have left. */
  private static Path copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path rel = from.relativize(f);
        if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("runs")) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  /** A copy of a sample's project.json in {@code dir}/NAME.nvlab, with text replaced. */
  static Path copyOf(String sample, Path dir, String find, String replace) {
    try {
      String text = Files.readString(repositorySample(sample).resolve("project.json"));
      if (!text.contains(find)) {
        throw new AssertionError(sample + " no longer contains " + find);
      }
      Path folder = Files.createDirectories(dir.resolve(sample + ".nvlab"));
      Files.writeString(folder.resolve("project.json"), text.replace(find, replace));
      return folder;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
