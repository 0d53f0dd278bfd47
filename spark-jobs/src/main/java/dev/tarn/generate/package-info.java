/**
 * The synthetic log generator behind {@code tarn generate}: realistic AWS.CloudTrail, AWS.VPCFlow,
 * AWS.S3ServerAccess, Okta.SystemLog and GitHub.Audit logs for demos, tests and benchmarks, with attack
 * scenarios injected among benign background traffic.
 *
 * <p>Entry points: {@link dev.tarn.generate.LogGenerator} configured by
 * {@link dev.tarn.generate.GeneratorOptions}, returning a {@link dev.tarn.generate.GenerationReport}; and
 * {@link dev.tarn.generate.GenerateCommand}, its picocli command. Each log type has one
 * {@link dev.tarn.generate.LogWriter}; the scenarios and the exact values detections key on are listed in
 * {@link dev.tarn.generate.Scenarios}.
 *
 * <p>Output is a pure function of the options: every random choice comes from a seeded
 * {@link java.util.SplittableRandom} (one stream per log type and per scenario), no wall clock is read, and
 * JSON fields are written in a fixed order. Files are streamed, so the output size is bounded only by disk.
 */
package dev.tarn.generate;
