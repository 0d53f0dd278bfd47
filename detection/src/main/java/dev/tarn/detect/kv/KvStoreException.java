package dev.tarn.detect.kv;

/** A KV store could not do what was asked: the store is unreachable, missing, locked or holds unreadable data. */
public final class KvStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KvStoreException(String message) {
    super(message);
  }

  public KvStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
