package org.nvlab.core.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over named state arrays, little-endian, each preceded by its name and length so that two
 * different states cannot produce the same byte stream. Floats are hashed by their exact bits: the
 * hash proves bit-identity, not closeness. As a {@link StateVisitor} it is canonical: pools show it
 * their vesicles in id order, so the hash does not depend on where vesicles sit in memory.
 */
public final class StateDigest implements StateVisitor {
  private final MessageDigest sha;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

  public StateDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private void header(String name, int length) {
    flush();
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    buf.putInt(length);
  }

  private void room(int bytes) {
    if (buf.remaining() < bytes) {
      flush();
    }
  }

  private void flush() {
    buf.flip();
    sha.update(buf);
    buf.clear();
  }

  @Override
  public boolean canonical() {
    return true;
  }

  @Override
  public int count(String name, int value) {
    value(name, value);
    return value;
  }

  @Override
  public double real(String name, double value) {
    value(name, Double.doubleToRawLongBits(value));
    return value;
  }

  @Override
  public String text(String name, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    header(name, b.length);
    flush();
    sha.update(b);
    return value;
  }

  @Override
  public void floats(String name, float[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(4);
      buf.putInt(Float.floatToRawIntBits(a[i]));
    }
  }

  @Override
  public void doubles(String name, double[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(8);
      buf.putLong(Double.doubleToRawLongBits(a[i]));
    }
  }

  @Override
  public void booleans(String name, boolean[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(1);
      buf.put(a[i] ? (byte) 1 : (byte) 0);
    }
  }

  @Override
  public void ints(String name, int[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(4);
      buf.putInt(a[i]);
    }
  }

  @Override
  public void longs(String name, long[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(8);
      buf.putLong(a[i]);
    }
  }

  @Override
  public long value(String name, long v) {
    header(name, 1);
    buf.putLong(v);
    return v;
  }

  /** Lower-case hex of the digest; the digest cannot be used afterwards. */
  public String hex() {
    flush();
    return HexFormat.of().formatHex(sha.digest());
  }
}
