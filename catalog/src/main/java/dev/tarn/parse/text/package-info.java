/**
 * The declarative text parsers of log schemas: {@link dev.tarn.parse.text.CsvRecordParser},
 * {@link dev.tarn.parse.text.FastmatchRecordParser} and {@link dev.tarn.parse.text.RegexRecordParser}, one per
 * {@code parser:} kind. Each turns a line into a flat object of strings for the schema decoder and applies the
 * shared {@link dev.tarn.logschema.TextOptions}. Instances hold per-file state; make one per file.
 */
package dev.tarn.parse.text;
