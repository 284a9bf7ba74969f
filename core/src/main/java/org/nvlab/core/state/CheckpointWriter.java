package org.nvlab.core.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes a checkpoint: the file's magic line and format version, a header (JSON text: what run this
 * is, see the root package's {@code Checkpoints}), then every piece of state a run shows to this
 * visitor as a named, typed section, then an end mark and a CRC-32C of every byte before it (so a
 * damaged or cut-short file is always told apart from a good one). Numbers are little-endian;
 * floats keep their exact bits.
 *
 * <p>Sections are written as the parts visit them, slots as they are (not canonical), so reading
 * them back in the same order puts every vesicle in its slot again ({@link CheckpointReader}).
 */
public final class CheckpointWriter implements StateVisitor {
  private final OutputStream out;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long bytes;

  /** Writes the magic line, the format version and the header. */
  public CheckpointWriter(OutputStream out, String header) throws IOException {
    this.out = out;
    try {
      buf.put(CheckpointFormat.MAGIC);
      buf.putInt(CheckpointFormat.VERSION);
      byte[] h = header.getBytes(StandardCharsets.UTF_8);
      buf.putInt(h.length);
      flush();
      put(h);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean canonical() {
    return false;
  }

  @Override
  public int count(String name, int value) {
    section(CheckpointFormat.COUNT, name, 1);
    room(4);
    buf.putInt(value);
    return value;
  }

  @Override
  public long value(String name, long value) {
    section(CheckpointFormat.VALUE, name, 1);
    room(8);
    buf.putLong(value);
    return value;
  }

  @Override
  public double real(String name, double value) {
    section(CheckpointFormat.REAL, name, 1);
    room(8);
    buf.putLong(Double.doubleToRawLongBits(value));
    return value;
  }

  @Override
  public String text(String name, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    section(CheckpointFormat.TEXT, name, b.length);
    put(b);
    return value;
  }

  @Override
  public void floats(String name, float[] a, int length) {
    section(CheckpointFormat.FLOATS, name, length);
    for (int i = 0; i < length; ) {
      room(4);
      int n = Math.min(length - i, buf.remaining() / 4);
      buf.asFloatBuffer().put(a, i, n);
      buf.position(buf.position() + 4 * n);
      i += n;
    }
  }

  @Override
  public void doubles(String name, double[] a, int length) {
    section(CheckpointFormat.DOUBLES, name, length);
    for (int i = 0; i < length; ) {
      room(8);
      int n = Math.min(length - i, buf.remaining() / 8);
      buf.asDoubleBuffer().put(a, i, n);
      buf.position(buf.position() + 8 * n);
      i += n;
    }
  }

  @Override
  public void ints(String name, int[] a, int length) {
    section(CheckpointFormat.INTS, name, length);
    for (int i = 0; i < length; ) {
      room(4);
      int n = Math.min(length - i, buf.remaining() / 4);
      buf.asIntBuffer().put(a, i, n);
      buf.position(buf.position() + 4 * n);
      i += n;
    }
  }

  @Override
  public void longs(String name, long[] a, int length) {
    section(CheckpointFormat.LONGS, name, length);
    for (int i = 0; i < length; ) {
      room(8);
      int n = Math.min(length - i, buf.remaining() / 8);
      buf.asLongBuffer().put(a, i, n);
      buf.position(buf.position() + 8 * n);
      i += n;
    }
  }

  @Override
  public void booleans(String name, boolean[] a, int length) {
    section(CheckpointFormat.BOOLEANS, name, length);
    for (int i = 0; i < length; i++) {
      room(1);
      buf.put(a[i] ? (byte) 1 : (byte) 0);
    }
  }

  /** Writes the end mark and the checksum, and flushes; the stream stays open. */
  public void finish() throws IOException {
    try {
      room(1);
      buf.put(CheckpointFormat.END);
      flush();
      buf.putLong(crc.getValue());
      buf.flip();
      out.write(buf.array(), 0, buf.limit());
      bytes += buf.limit();
      buf.clear();
      out.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Bytes written so far (all of them after {@link #finish}). */
  public long bytes() {
    return bytes + buf.position();
  }

  private void section(byte type, String name, int length) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    room(1 + 2 + n.length + 4);
    buf.put(type);
    buf.putShort((short) n.length);
    buf.put(n);
    buf.putInt(length);
  }

  private void put(byte[] b) {
    for (int i = 0; i < b.length; ) {
      room(1);
      int n = Math.min(b.length - i, buf.remaining());
      buf.put(b, i, n);
      i += n;
    }
  }

  private void room(int n) {
    if (buf.remaining() < n) {
      flush();
    }
  }

  private void flush() {
    buf.flip();
    crc.update(buf.array(), 0, buf.limit());
    try {
      out.write(buf.array(), 0, buf.limit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes += buf.limit();
    buf.clear();
  }
}
