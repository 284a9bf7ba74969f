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
 * hash proves bit-identity, not closeness.
 */
public final class StateDigest {
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

  public void floats(String name, float[] a) {
    floats(name, a, a.length);
  }

  public void floats(String name, float[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(4);
      buf.putInt(Float.floatToRawIntBits(a[i]));
    }
  }

  public void ints(String name, int[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(4);
      buf.putInt(a[i]);
    }
  }

  public void longs(String name, long[] a, int length) {
    header(name, length);
    for (int i = 0; i < length; i++) {
      room(8);
      buf.putLong(a[i]);
    }
  }

  public void value(String name, long v) {
    header(name, 1);
    buf.putLong(v);
  }

  /** Lower-case hex of the digest; the digest cannot be used afterwards. */
  public String hex() {
    flush();
    return HexFormat.of().formatHex(sha.digest());
  }
}
