package org.nvlab.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A project on disk: a folder {@code NAME.nvlab/} holding {@code project.json} (the experiment),
 * {@code view.json} (layout and open panels, kept apart so that a diff of project.json shows real
 * changes), {@code README.md} and {@code runs/} (the run store), or the same folder packed as
 * {@code NAME.nvlab.zip} to share it.
 *
 * <p>Saving never loses work: the new text goes to a temporary file in the same folder, is synced
 * to the disk, and is renamed over the old file in one atomic step, after the old version was kept
 * as {@code project.json.bak}. A save interrupted at any point (the process killed, the machine
 * off) leaves either the old or the new project.json, never a mixture; leftover temporary files are
 * removed by the next save.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static final String PROJECT = "project.json";
  public static final String VIEW = "view.json";
  public static final String BACKUP = "project.json.bak";
  public static final String README = "README.md";
  public static final String RUNS = "runs";
  public static final String FOLDER_SUFFIX = ".nvlab";
  public static final String ZIP_SUFFIX = ".nvlab.zip";

  /** The largest project.json the lab reads (an edge list of ~10 million edges). */
  public static final long MAX_PROJECT_BYTES = 512L << 20;

  /** The largest total of what a shared archive may unpack to. */
  public static final long MAX_UNPACKED_BYTES = 1L << 30;

  /** A packed archive's entries all carry this time, so packing the same folder twice is equal. */
  private static final FileTime PACK_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01

  /**
   * A project as loaded: its validated spec, the (migrated) JSON tree to edit and save, its view
   * state, and what migration changed.
   *
   * @param location the folder, project.json or archive it came from
   * @param folder the project folder to save into, or null when it came from an archive or a loose
   *     file (then the user must choose where to save)
   * @param file the name problems are reported under
   * @param fileVersion the format the file was written in (before migration)
   * @param migrations one note per change migration made; empty for a current file
   * @param warnings what was wrong with the optional parts (a broken view.json is set aside, not
   *     fatal: it only holds layout)
   */
  public record Loaded(
      Path location,
      Path folder,
      String file,
      ObjectNode tree,
      ProjectSpec spec,
      ObjectNode view,
      int fileVersion,
      List<String> migrations,
      List<String> warnings) {

    /** True when the file was written in an older format and is migrated only in memory. */
    public boolean migrated() {
      return fileVersion < ProjectSpec.FORMAT_VERSION;
    }
  }

  /** Is this path a packed project ({@code NAME.nvlab.zip} or any {@code .zip})? */
  public static boolean isArchive(Path path) {
    String n = name(path).toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") && !Files.isDirectory(path);
  }

  /**
   * Loads, migrates and checks a project: a {@code NAME.nvlab} folder, its project.json, or a
   * packed {@code NAME.nvlab.zip}. Every problem is reported with the file, the JSON pointer and
   * the reason.
   */
  public static Loaded load(Path path) throws ProjectException {
    if (isArchive(path)) {
      return loadArchive(path);
    }
    Path file = Files.isDirectory(path) ? path.resolve(PROJECT) : path;
    Path folder =
        Files.isDirectory(path)
            ? path
            : (name(file).equals(PROJECT) ? file.toAbsolutePath().getParent() : null);
    String shown = name(file);
    byte[] bytes = readFile(file);
    List<String> warnings = new ArrayList<>();
    ObjectNode view = null;
    if (folder != null && Files.isRegularFile(folder.resolve(VIEW))) {
      try {
        view = readView(Files.readAllBytes(folder.resolve(VIEW)), VIEW, warnings);
      } catch (IOException e) {
        warnings.add(VIEW + " cannot be read (" + e.getMessage() + "); the default layout is used");
      }
    }
    return load(path, folder, shown, bytes, view, warnings);
  }

  /** Loads project text that did not come from a folder (a test, a template, a paste). */
  public static Loaded load(String text, String file) throws ProjectException {
    return load(null, null, file, text.getBytes(StandardCharsets.UTF_8), null, new ArrayList<>());
  }

  private static Loaded load(
      Path location,
      Path folder,
      String shown,
      byte[] bytes,
      ObjectNode view,
      List<String> warnings)
      throws ProjectException {
    ObjectNode tree = ProjectReader.parseTree(utf8(bytes, shown), shown);
    int version = ProjectMigrations.version(tree);
    List<String> notes =
        version > ProjectSpec.FORMAT_VERSION ? List.of() : ProjectMigrations.migrate(tree);
    ProjectSpec spec = ProjectReader.read(tree, shown);
    return new Loaded(
        location,
        folder,
        shown,
        tree,
        spec,
        view,
        version,
        List.copyOf(notes),
        List.copyOf(warnings));
  }

  private static byte[] readFile(Path file) throws ProjectException {
    try {
      long size = Files.size(file);
      if (size > MAX_PROJECT_BYTES) {
        throw new ProjectException(
            new Problem(
                file.toString(),
                "",
                "is "
                    + (size >> 20)
                    + " MB; the lab reads project files up to "
                    + (MAX_PROJECT_BYTES >> 20)
                    + " MB"));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ProjectException(new Problem(file.toString(), "", "no such file"));
    } catch (IOException e) {
      throw new ProjectException(
          new Problem(file.toString(), "", "cannot be read: " + e.getMessage()));
    }
  }

  /** Strict UTF-8: a file in another encoding is named as such instead of read as garbage. */
  private static String utf8(byte[] bytes, String shown) throws ProjectException {
    try {
      int start =
          bytes.length >= 3
                  && bytes[0] == (byte) 0xEF
                  && bytes[1] == (byte) 0xBB
                  && bytes[2] == (byte) 0xBF
              ? 3
              : 0;
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProjectException(
          new Problem(shown, "", "is not UTF-8 text (" + e.getMessage() + "); save it as UTF-8"));
    }
  }

  private static ObjectNode readView(byte[] bytes, String shown, List<String> warnings) {
    try {
      return ProjectReader.parseTree(utf8(bytes, shown), shown);
    } catch (ProjectException e) {
      warnings.add(e.problems().get(0) + "; the default layout is used");
      return null;
    }
  }

  // ---------------------------------------------------------------------------------- archives

  private static Loaded loadArchive(Path zip) throws ProjectException {
    String zipName = name(zip);
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      String prefix = archivePrefix(z, zipName);
      ZipEntry entry = z.getEntry(prefix + PROJECT);
      String shown = zipName + "!/" + prefix + PROJECT;
      byte[] bytes = readEntry(z, entry, shown);
      List<String> warnings = new ArrayList<>();
      ObjectNode view = null;
      ZipEntry v = z.getEntry(prefix + VIEW);
      if (v != null) {
        try {
          view = readView(readEntry(z, v, zipName + "!/" + prefix + VIEW), VIEW, warnings);
        } catch (ProjectException e) {
          warnings.add(e.problems().get(0) + "; the default layout is used");
        }
      }
      return load(zip, null, shown, bytes, view, warnings);
    } catch (NoSuchFileException e) {
      throw new ProjectException(new Problem(zip.toString(), "", "no such file"));
    } catch (ZipException e) {
      throw new ProjectException(
          new Problem(zip.toString(), "", "is not a readable zip archive: " + e.getMessage()));
    } catch (IOException e) {
      throw new ProjectException(
          new Problem(zip.toString(), "", "cannot be read: " + e.getMessage()));
    }
  }

  /**
   * The folder inside the archive that holds project.json ("" or "NAME.nvlab/"), after checking
   * that no entry could escape the folder it is unpacked into.
   */
  private static String archivePrefix(ZipFile z, String zipName) throws ProjectException {
    List<String> found = new ArrayList<>();
    Enumeration<? extends ZipEntry> en = z.entries();
    while (en.hasMoreElements()) {
      String n = en.nextElement().getName();
      String unsafe = unsafeEntry(n);
      if (unsafe != null) {
        throw new ProjectException(
            new Problem(zipName, "", "holds an entry '" + n + "' that " + unsafe));
      }
      if (n.equals(PROJECT)
          || (n.endsWith("/" + PROJECT) && n.indexOf('/') == n.lastIndexOf('/'))) {
        found.add(n.substring(0, n.length() - PROJECT.length()));
      }
    }
    if (found.isEmpty()) {
      throw new ProjectException(
          new Problem(
              zipName,
              "",
              "holds no project.json (a shared project is a zip of one NAME.nvlab folder)"));
    }
    if (found.size() > 1) {
      throw new ProjectException(
          new Problem(
              zipName,
              "",
              "holds "
                  + found.size()
                  + " projects ("
                  + String.join(", ", found)
                  + "); a shared project is a zip of one NAME.nvlab folder"));
    }
    return found.get(0);
  }

  /** Why an entry name is unsafe to unpack, or null. */
  private static String unsafeEntry(String n) {
    if (n.startsWith("/") || n.startsWith("\\") || (n.length() > 1 && n.charAt(1) == ':')) {
      return "is an absolute path";
    }
    for (String part : n.split("[/\\\\]")) {
      if (part.equals("..")) {
        return "would unpack outside the project folder";
      }
    }
    if (n.indexOf('\0') >= 0) {
      return "has a NUL character in its name";
    }
    return null;
  }

  private static byte[] readEntry(ZipFile z, ZipEntry e, String shown)
      throws IOException, ProjectException {
    try (InputStream in = z.getInputStream(e)) {
      return readAtMost(in, MAX_PROJECT_BYTES, shown);
    }
  }

  /** Reads a stream, refusing one longer than {@code max} (zip sizes in headers can lie). */
  private static byte[] readAtMost(InputStream in, long max, String shown)
      throws IOException, ProjectException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > max) {
        throw new ProjectException(
            new Problem(shown, "", "unpacks to more than " + (max >> 20) + " MB; not read"));
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Packs a project folder into a zip holding the folder ({@code NAME.nvlab/...}): project.json,
   * view.json, the README and any other files the author put there, but not the backup, temporary
   * files or (unless {@code withRuns}) the recorded runs. Entries are sorted and carry a fixed
   * time, so packing the same folder twice gives the same bytes. The zip is written atomically.
   */
  public static List<String> pack(Path folder, Path zip, boolean withRuns) throws IOException {
    if (!Files.isRegularFile(folder.resolve(PROJECT))) {
      throw new NoSuchFileException(folder.resolve(PROJECT).toString(), null, "no project here");
    }
    String root = name(folder.toAbsolutePath().normalize());
    if (!root.endsWith(FOLDER_SUFFIX)) {
      root += FOLDER_SUFFIX;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> packed(folder.relativize(p), withRuns))
              .sorted()
              .toList();
    }
    List<String> names = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Path p : files) {
        String n = root + "/" + folder.relativize(p).toString().replace('\\', '/');
        ZipEntry e = new ZipEntry(n);
        e.setLastModifiedTime(PACK_TIME);
        out.putNextEntry(e);
        Files.copy(p, out);
        out.closeEntry();
        names.add(n);
      }
    }
    writeAtomically(zip, bytes.toByteArray(), null);
    return names;
  }

  private static boolean packed(Path relative, boolean withRuns) {
    String first = relative.getName(0).toString();
    String n = name(relative);
    if (first.equals(RUNS) && !withRuns) {
      return false;
    }
    return !n.equals(BACKUP) && !(n.startsWith(".") && n.endsWith(".tmp"));
  }

  /**
   * Unpacks a shared project into {@code into} (which must not exist yet) and returns the project
   * folder. Entries that would land outside it are refused before anything is written.
   */
  public static Path unpack(Path zip, Path into) throws IOException, ProjectException {
    if (Files.exists(into)) {
      throw new FileAlreadyExistsException(into.toString(), null, "will not unpack over it");
    }
    String zipName = name(zip);
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      String prefix = archivePrefix(z, zipName);
      Path parent = into.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve("." + name(into) + "." + Long.toHexString(nonce()) + ".tmp");
      Files.createDirectory(tmp);
      try {
        long total = 0;
        Enumeration<? extends ZipEntry> en = z.entries();
        while (en.hasMoreElements()) {
          ZipEntry e = en.nextElement();
          if (e.isDirectory() || !e.getName().startsWith(prefix)) {
            continue;
          }
          Path target = tmp.resolve(e.getName().substring(prefix.length())).normalize();
          if (!target.startsWith(tmp)) {
            throw new ProjectException(
                new Problem(
                    zipName, "", "holds an entry '" + e.getName() + "' outside its folder"));
          }
          byte[] data = readEntry(z, e, zipName + "!/" + e.getName());
          total += data.length;
          if (total > MAX_UNPACKED_BYTES) {
            throw new ProjectException(
                new Problem(
                    zipName, "", "unpacks to more than " + (MAX_UNPACKED_BYTES >> 20) + " MB"));
          }
          Files.createDirectories(target.getParent());
          Files.write(target, data, StandardOpenOption.CREATE_NEW);
        }
        Files.move(tmp, into, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        deleteTree(tmp);
      }
    }
    return into;
  }

  // ------------------------------------------------------------------------------------ saving

  /**
   * Saves a project into its folder: project.json (canonical JSON of {@code tree}, the previous
   * version kept as project.json.bak) and, when given, view.json. Creates the folder if needed.
   * Nothing is written when the text is unchanged, so the backup stays the version before the last
   * real change.
   *
   * @return true when project.json changed on disk
   */
  public static boolean save(Path folder, JsonNode tree, JsonNode view) throws IOException {
    Files.createDirectories(folder);
    removeStaleTemporaries(folder);
    boolean changed =
        writeIfChanged(folder.resolve(PROJECT), CanonicalJson.write(tree), folder.resolve(BACKUP));
    if (view != null) {
      writeIfChanged(folder.resolve(VIEW), CanonicalJson.write(view), null);
    }
    return changed;
  }

  private static boolean writeIfChanged(Path file, String text, Path backup) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    writeAtomically(file, bytes, backup);
    return true;
  }

  /**
   * Replaces {@code file} with {@code bytes} so that at every instant the file holds either all of
   * the old bytes or all of the new: write a temporary file beside it, sync it, keep the old file
   * as {@code backup} (when given), rename the temporary over the file atomically, and sync the
   * folder so the rename itself is on the disk.
   */
  public static void writeAtomically(Path file, byte[] bytes, Path backup) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = temporary(dir, name(file));
    try {
      writeSynced(tmp, bytes);
      if (backup != null && Files.isRegularFile(file)) {
        // The backup is itself replaced atomically: a crash here leaves the old backup or the
        // new one, and project.json untouched.
        Path btmp = temporary(dir, name(backup));
        try {
          writeSynced(btmp, Files.readAllBytes(file));
          move(btmp, backup);
        } finally {
          Files.deleteIfExists(btmp);
        }
      }
      move(tmp, file);
      syncFolder(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path temporary(Path dir, String name) {
    return dir.resolve("." + name + "." + Long.toHexString(nonce()) + ".tmp");
  }

  private static long nonce() {
    return ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
  }

  private static void writeSynced(Path path, byte[] bytes) throws IOException {
    try (FileChannel ch =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of "
              + to.getParent()
              + " cannot replace a file atomically, so the lab will not save there: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Syncs a folder's entries (Linux, macOS); on file systems where a folder cannot be opened
   * (Windows), the rename is already durable once MoveFileEx returns.
   */
  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not possible here; see above.
    }
  }

  /**
   * Removes temporary files an interrupted save left (their target was never touched). Only those
   * older than a minute: a younger one may belong to a save still running in another process.
   */
  private static void removeStaleTemporaries(Path folder) throws IOException {
    long before = System.currentTimeMillis() - 60_000;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, ".*.tmp")) {
      for (Path p : s) {
        if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() < before) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String name(Path p) {
    Path f = p.getFileName();
    return f == null ? p.toString() : f.toString();
  }
}
