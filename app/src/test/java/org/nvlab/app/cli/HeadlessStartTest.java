package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without arguments and without a display, {@code nvlab} says which commands work headless and
 * exits 2, and loads no JavaFX class on the way (a JavaFX class could fail to load, or try to open
 * a display, on a server).
 */
class HeadlessStartTest {
  private String headless;

  @BeforeEach
  void forceHeadless() {
    // The build runs without DISPLAY; the property makes the test independent of that.
    headless = System.getProperty("java.awt.headless");
    System.setProperty("java.awt.headless", "true");
  }

  @AfterEach
  void restore() {
    if (headless == null) {
      System.clearProperty("java.awt.headless");
    } else {
      System.setProperty("java.awt.headless", headless);
    }
  }

  @Test
  void theHeadlessPropertyMeansNoDisplay() {
    assertFalse(NvlabCommand.hasDisplay());
  }

  @Test
  void noArgumentsWithoutADisplayNamesTheHeadlessCommandsAndExits2() {
    Cli.Result r = Cli.run();
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    String line = r.errLines().get(0);
    assertTrue(line.contains("no display"), line);
    for (String command : List.of("run", "validate", "bench")) {
      assertTrue(line.contains(command), () -> line + " does not name " + command);
    }
  }

  @Test
  void noArgumentsWithoutADisplayLoadsNoJavaFxClass() throws Exception {
    // A fresh loader over the test class path records every class the command resolves.
    try (RecordingLoader loader = new RecordingLoader(classPath())) {
      Method execute =
          loader.loadClass(NvlabCommand.class.getName()).getMethod("execute", String[].class);
      Cli.Result r = Cli.capture(() -> invoke(execute));
      assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("no display"), r::toString);
      assertTrue(
          loader.requested.contains("picocli.CommandLine"),
          "the recording saw nothing: " + loader.requested);
      for (String name : loader.requested) {
        assertFalse(name.startsWith("javafx."), () -> "loaded " + name);
        assertFalse(name.startsWith("com.sun.javafx."), () -> "loaded " + name);
        assertFalse(name.startsWith("org.nvlab.app.desktop."), () -> "loaded " + name);
        assertFalse(name.startsWith("org.nvlab.viz."), () -> "loaded " + name);
      }
      assertFalse(loader.requested.contains(DesktopLauncher.class.getName()));
    }
  }

  @Test
  void theRecordingWouldSeeAJavaFxClassIfOneWereLoaded() throws Exception {
    // The control for the test above: the window's class extends a JavaFX class, so merely
    // loading it (without initialising it) must show up in the recording.
    try (RecordingLoader loader = new RecordingLoader(classPath())) {
      Class.forName("org.nvlab.app.desktop.NvLabApp", false, loader);
      assertTrue(
          loader.requested.contains("javafx.application.Application"),
          () -> "not recorded: " + loader.requested);
    }
  }

  private static int invoke(Method execute) {
    try {
      return (int) execute.invoke(null, (Object) new String[0]);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** Child-first over the class path (parent: the platform loader), noting each name asked for. */
  private static final class RecordingLoader extends URLClassLoader {
    final Set<String> requested = new ConcurrentSkipListSet<>();

    RecordingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }
  }
}
