package org.nvlab.core.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a checkpoint back (see {@link CheckpointWriter}): first the header, then, as a restoring
 * {@link StateVisitor}, every section in the order the run's parts visit their state, filling their
 * arrays in place; {@link #finish} then checks the end mark and the checksum. A section that is not
 * the one the run asks for (another name, type or length), a file cut short, or a wrong checksum is
 * refused with a message saying where and why: the caller restores into a fresh run, so a refused
 * file leaves nothing half-restored in a run anyone uses.
 */
public final class CheckpointReader implements StateVisitor {
  /** What went wrong while the state was being filled in (carried out of the visitor calls). */
  public static final class Damaged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private final String header;
  private long offset; // bytes consumed before buf's position
  private boolean eof;

  private CheckpointReader(InputStream in) throws CheckpointException {
    this.in = in;
    buf.limit(0);
    try {
      byte[] magic = bytes(CheckpointFormat.MAGIC.length);
      if (!Arrays.equals(magic, CheckpointFormat.MAGIC)) {
        throw new CheckpointException("it is not a checkpoint of the lab (its first bytes differ)");
      }
      int version = need(4).getInt();
      if (version > CheckpointFormat.VERSION) {
        throw new CheckpointException(
            "it was written in checkpoint format "
                + version
                + "; this version of the lab reads format "
                + CheckpointFormat.VERSION
                + " (update the lab to read it)");
      }
      if (version < 1) {
        throw new CheckpointException("its format version " + version + " is not a valid one");
      }
      int length = need(4).getInt();
      if (length < 0 || length > CheckpointFormat.MAX_HEADER) {
        throw new CheckpointException("its header length " + length + " is impossible: damaged");
      }
      header = new String(bytes(length), StandardCharsets.UTF_8);
    } catch (Damaged e) {
      throw new CheckpointException(e.getMessage());
    }
  }

  /** Opens a checkpoint and reads its header. */
  public static CheckpointReader open(InputStream in) throws CheckpointException {
    return new CheckpointReader(in);
  }

  /** The header's JSON text. */
  public String header() {
    return header;
  }

  @Override
  public boolean canonical() {
    return false;
  }

  @Override
  public boolean restoring() {
    return true;
  }

  @Override
  public int count(String name, int value) {
    section(CheckpointFormat.COUNT, name, 1);
    return need(4).getInt();
  }

  @Override
  public long value(String name, long value) {
    section(CheckpointFormat.VALUE, name, 1);
    return need(8).getLong();
  }

  @Override
  public double real(String name, double value) {
    section(CheckpointFormat.REAL, name, 1);
    return Double.longBitsToDouble(need(8).getLong());
  }

  @Override
  public String text(String name, String value) {
    int length = sectionOfAnyLength(CheckpointFormat.TEXT, name);
    return new String(bytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public void floats(String name, float[] a, int length) {
    section(CheckpointFormat.FLOATS, name, length);
    for (int i = 0; i < length; ) {
      int n = Math.min(length - i, available(4) / 4);
      buf.asFloatBuffer().get(a, i, n);
      buf.position(buf.position() + 4 * n);
      i += n;
    }
  }

  @Override
  public void doubles(String name, double[] a, int length) {
    section(CheckpointFormat.DOUBLES, name, length);
    for (int i = 0; i < length; ) {
      int n = Math.min(length - i, available(8) / 8);
      buf.asDoubleBuffer().get(a, i, n);
      buf.position(buf.position() + 8 * n);
      i += n;
    }
  }

  @Override
  public void ints(String name, int[] a, int length) {
    section(CheckpointFormat.INTS, name, length);
    for (int i = 0; i < length; ) {
      int n = Math.min(length - i, available(4) / 4);
      buf.asIntBuffer().get(a, i, n);
      buf.position(buf.position() + 4 * n);
      i += n;
    }
  }

  @Override
  public void longs(String name, long[] a, int length) {
    section(CheckpointFormat.LONGS, name, length);
    for (int i = 0; i < length; ) {
      int n = Math.min(length - i, available(8) / 8);
      buf.asLongBuffer().get(a, i, n);
      buf.position(buf.position() + 8 * n);
      i += n;
    }
  }

  @Override
  public void booleans(String name, boolean[] a, int length) {
    section(CheckpointFormat.BOOLEANS, name, length);
    for (int i = 0; i < length; i++) {
      a[i] = need(1).get() != 0;
    }
  }

  /**
   * True when the next section has this name (an optional part, such as the metrics, was written);
   * reads nothing.
   */
  public boolean next(String name) {
    ByteBuffer b = need(1 + 2);
    int p = b.position();
    byte type = b.get(p);
    if (type == CheckpointFormat.END) {
      return false;
    }
    int len = Short.toUnsignedInt(b.getShort(p + 1));
    ByteBuffer all = need(3 + len);
    byte[] n = new byte[len];
    all.get(all.position() + 3, n);
    return new String(n, StandardCharsets.UTF_8).equals(name);
  }

  /** Reads the end mark and checks the checksum of every byte before it. */
  public void finish() throws CheckpointException {
    try {
      byte end = need(1).get();
      if (end != CheckpointFormat.END) {
        throw new CheckpointException(
            "it holds more than this run's state (a section of "
                + CheckpointFormat.typeName(end)
                + " at byte "
                + (offset + buf.position() - 1)
                + " where the end should be): damaged, or written by another version");
      }
      crc.update(buf.array(), 0, buf.position());
      long expected = crc.getValue();
      offset += buf.position();
      buf.compact().flip();
      long stored = need(8).getLong();
      if (stored != expected) {
        throw new CheckpointException(
            "its checksum does not match its contents: the file is damaged");
      }
    } catch (Damaged e) {
      throw new CheckpointException(e.getMessage());
    }
  }

  private void section(byte type, String name, int length) {
    int stored = sectionOfAnyLength(type, name);
    if (stored != length) {
      throw new Damaged(
          "its '"
              + name
              + "' holds "
              + stored
              + " values where this run has "
              + length
              + ": it is the state of another network or project");
    }
  }

  private int sectionOfAnyLength(byte type, String name) {
    long at = offset + buf.position();
    byte t = need(1).get();
    int len = Short.toUnsignedInt(need(2).getShort());
    String n = new String(bytes(len), StandardCharsets.UTF_8);
    if (t != type || !n.equals(name)) {
      throw new Damaged(
          (t == CheckpointFormat.END
                  ? "it ends"
                  : "it has " + CheckpointFormat.typeName(t) + " '" + n + "'")
              + " at byte "
              + at
              + " where this run's state has "
              + CheckpointFormat.typeName(type)
              + " '"
              + name
              + "': it was written by another kind of run, or it is damaged");
    }
    int length = need(4).getInt();
    if (length < 0) {
      throw new Damaged("its '" + name + "' has an impossible length " + length + ": damaged");
    }
    return length;
  }

  private byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, available(1));
      buf.get(out, i, k);
      i += k;
    }
    return out;
  }

  /** The buffer with at least {@code n} bytes to read (n at most the buffer's size). */
  private ByteBuffer need(int n) {
    if (buf.remaining() < n) {
      fill(n);
    }
    return buf;
  }

  /** At least {@code min} bytes to read; returns how many are there (up to the buffer's end). */
  private int available(int min) {
    if (buf.remaining() < min) {
      fill(min);
    }
    return buf.remaining();
  }

  private void fill(int n) {
    crc.update(buf.array(), 0, buf.position());
    offset += buf.position();
    buf.compact();
    try {
      while (buf.position() < n) {
        int r = in.read(buf.array(), buf.position(), buf.capacity() - buf.position());
        if (r < 0) {
          eof = true;
          break;
        }
        buf.position(buf.position() + r);
      }
    } catch (EOFException e) {
      eof = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buf.flip();
    if (buf.remaining() < n) {
      throw new Damaged(
          "it is cut short: it ends at byte "
              + (offset + buf.remaining())
              + " in the middle of the state (the file was truncated, or its writing was"
              + " interrupted)");
    }
  }

  /** True once the stream has ended (for tests). */
  boolean atEnd() {
    return eof;
  }
}
