package org.nvlab.app.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two rules that keep the lab's packages one-way, built so that the paragraph a newcomer reads
 * is the rule the build enforces.
 *
 * <p>Every package's {@code package-info.java} ends its description with a sentence that starts
 * {@code May import:} and lists, as {@code {@code ...}} items, what the package's classes may use
 * besides {@code java.*} and their own package:
 *
 * <ul>
 *   <li>{@code core}, {@code core.graph}, {@code viz.chart}, {@code app.cli}, {@code
 *       plugins.runstore.duckdb}...: one package of the lab, exactly (sub-packages are listed on
 *       their own), written without the {@code org.nvlab.} prefix;
 *   <li>anything else, e.g. {@code javafx}, {@code com.fasterxml.jackson}, {@code javax.imageio}: a
 *       library, with every package under that name.
 * </ul>
 *
 * <p>The sentence ends at the first full stop outside an item. "May import: nothing." lists
 * nothing. Other words in it are prose and grant nothing, so a library named only in prose is not
 * allowed.
 */
final class PackageRules {
  private static final Pattern MAY_IMPORT = Pattern.compile("May import:");
  private static final Pattern ITEM = Pattern.compile("\\{@code\\s+([A-Za-z0-9_.]+)\\s*}");
  private static final String LAB = "org.nvlab.";

  private PackageRules() {}

  /** What one package declares it may use. */
  record Allowed(String pkg, Set<String> packages, Set<String> libraries, Path source) {
    boolean allows(String target) {
      if (target.equals(pkg) || target.startsWith("java.") || target.isEmpty()) {
        return true;
      }
      if (packages.contains(target)) {
        return true;
      }
      for (String lib : libraries) {
        if (target.equals(lib) || target.startsWith(lib + ".")) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Reads every {@code package-info.java} under the given source roots (folders holding {@code
   * org/...}), by package name.
   *
   * @throws IllegalStateException naming the file when a package-info has no "May import:" sentence
   */
  static Map<String, Allowed> declared(List<Path> sourceRoots) {
    Map<String, Allowed> out = new TreeMap<>();
    for (Path root : sourceRoots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.endsWith("package-info.java")).toList()) {
          Allowed a = parse(root, f);
          out.put(a.pkg(), a);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static Allowed parse(Path root, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String pkg = root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
    Matcher m = MAY_IMPORT.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(
          file + ": the package description has no 'May import:' sentence");
    }
    // Javadoc lines joined into one (the formatter wraps an item's braces across lines).
    String joined = text.substring(m.end()).replaceAll("\\R\\s*\\*\\s?", " ");
    String sentence = sentence(joined);
    Set<String> packages = new TreeSet<>();
    Set<String> libraries = new TreeSet<>();
    Matcher item = ITEM.matcher(sentence);
    while (item.find()) {
      String name = item.group(1);
      if (isLab(name)) {
        packages.add(LAB + name);
      } else {
        libraries.add(name);
      }
    }
    return new Allowed(pkg, packages, libraries, file);
  }

  private static boolean isLab(String name) {
    for (String module : List.of("core", "viz", "app", "plugins")) {
      if (name.equals(module) || name.startsWith(module + ".")) {
        return true;
      }
    }
    return false;
  }

  /** The text up to the first full stop that is not inside a {@code {@code ...}} item. */
  private static String sentence(String rest) {
    int depth = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == '.' && depth == 0) {
        return rest.substring(0, i);
      }
    }
    return rest;
  }

  /** No two packages of the lab depend on each other, directly or through others. */
  static ArchRule noCycles() {
    return slices()
        .matching("org.nvlab.(**)")
        .should()
        .beFreeOfCycles()
        .because("dependencies point one way: a lower package never reaches back to a higher one");
  }

  /** Every class uses only what its package's "May import:" sentence lists. */
  static ArchRule usesOnlyWhatItsPackageDeclares(Map<String, Allowed> declared) {
    return ArchRuleDefinition.classes()
        .should(new UsesOnlyDeclared(declared))
        .because("the package-info paragraph a newcomer reads is the rule the build enforces");
  }

  private static final class UsesOnlyDeclared extends ArchCondition<JavaClass> {
    private final Map<String, Allowed> declared;

    UsesOnlyDeclared(Map<String, Allowed> declared) {
      super("use only what their package-info's 'May import:' sentence lists");
      this.declared = declared;
    }

    @Override
    public void check(JavaClass c, ConditionEvents events) {
      String pkg = c.getPackageName();
      Allowed a = declared.get(pkg);
      if (a == null) {
        events.add(
            SimpleConditionEvent.violated(
                c,
                pkg + " has no package-info.java saying what lives there and what it may import"));
        return;
      }
      List<String> wrong = new ArrayList<>();
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        while (target.isArray()) {
          target = target.getComponentType();
        }
        if (target.isPrimitive()) {
          continue;
        }
        String to = target.getPackageName();
        if (!a.allows(to)) {
          wrong.add(d.getDescription());
        }
      }
      for (String w : new TreeSet<>(wrong)) {
        events.add(
            SimpleConditionEvent.violated(
                c, w + " (not in the 'May import:' sentence of " + a.source() + ")"));
      }
    }
  }

  /** The lab's main source roots, found from the module this test runs in. */
  static List<Path> labSourceRoots() {
    Path top = Path.of("").toAbsolutePath();
    while (top != null && !Files.isDirectory(top.resolve("core/src/main/java"))) {
      top = top.getParent();
    }
    if (top == null) {
      throw new IllegalStateException("cannot find the project's core/src/main/java from here");
    }
    List<Path> roots = new ArrayList<>();
    for (String module : List.of("core", "viz", "app")) {
      roots.add(top.resolve(module + "/src/main/java"));
    }
    try (Stream<Path> plugins = Files.list(top.resolve("plugins"))) {
      for (Path p : plugins.sorted().toList()) {
        Path src = p.resolve("src/main/java");
        if (Files.isDirectory(src)) {
          roots.add(src);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return roots;
  }

  /** Classes of the lab in packages that have no package-info at all (a room with no sign). */
  static List<String> packagesWithoutInfo(JavaClasses classes, Map<String, Allowed> declared) {
    Set<String> missing = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!declared.containsKey(c.getPackageName())) {
        missing.add(c.getPackageName());
      }
    }
    return List.copyOf(missing);
  }
}
