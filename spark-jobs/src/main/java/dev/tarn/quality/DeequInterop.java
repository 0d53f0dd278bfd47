package dev.tarn.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Deequ is a Scala API: the few conversions its Java callers need, in one place. */
final class DeequInterop {
  private DeequInterop() {}

  static <T> Seq<T> seq(List<T> values) {
    return JavaConverters.asScalaBuffer(values).toList();
  }

  static <T> scala.collection.immutable.List<T> list(List<T> values) {
    return JavaConverters.asScalaBuffer(values).toList();
  }

  static <T> Option<T> none() {
    return Option.empty();
  }

  static <T> Optional<T> optional(Option<T> option) {
    return option.isDefined() ? Optional.ofNullable(option.get()) : Optional.empty();
  }

  static scala.collection.immutable.Map<String, String> map(Map<String, String> values) {
    scala.collection.mutable.Builder<scala.Tuple2<String, String>, scala.collection.immutable.Map<String, String>>
        builder = scala.collection.immutable.Map$.MODULE$.newBuilder();
    values.forEach((k, v) -> builder.$plus$eq(new scala.Tuple2<>(k, v)));
    return builder.result();
  }

  static <K, V> Map<K, V> javaMap(scala.collection.Map<K, V> values) {
    return JavaConverters.mapAsJavaMap(values);
  }

  static <T> List<T> javaList(Seq<T> values) {
    return JavaConverters.seqAsJavaList(values);
  }
}
