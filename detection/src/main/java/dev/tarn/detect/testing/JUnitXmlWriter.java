package dev.tarn.detect.testing;

import dev.tarn.detect.pack.LoadProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link TestReport} as JUnit XML ({@code --junit-xml FILE}) for CI tools such as Jenkins and GitLab: a
 * {@code testsuite} per detection with a {@code testcase} per test, {@code failure} elements carrying the reason, a
 * {@code minimum tests} case for coverage failures, {@code skipped} cases for skipped detections, and a
 * {@code load problems} suite with an {@code error} per invalid spec.
 */
public final class JUnitXmlWriter {
  private JUnitXmlWriter() {}

  public static void write(TestReport report, Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toXml(TestReport report) {
    StringWriter out = new StringWriter();
    write(report, out);
    return out.toString();
  }

  public static void write(TestReport report, Writer out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      List<LoadProblem> loose = looseErrors(report);
      long tests = report.detections().stream().mapToLong(JUnitXmlWriter::caseCount).sum() + loose.size();
      long failures = report.detections().stream().mapToLong(JUnitXmlWriter::failureCount).sum();
      long skipped = report.detections().stream()
          .filter(d -> d.status() == DetectionReport.Status.SKIPPED).mapToLong(JUnitXmlWriter::caseCount).sum();
      long errors = report.detections().stream()
          .filter(d -> d.status() == DetectionReport.Status.INVALID).count() + loose.size();
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "tarn detection tests");
      counts(xml, tests, failures, errors, skipped);
      for (DetectionReport d : report.detections()) {
        suite(xml, d);
      }
      if (!loose.isEmpty()) {
        loadProblems(xml, loose);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  /** Error problems not already shown as an invalid detection. */
  private static List<LoadProblem> looseErrors(TestReport report) {
    Set<String> invalidIds = report.detections().stream().filter(d -> d.status() == DetectionReport.Status.INVALID)
        .map(d -> d.detection().id()).collect(Collectors.toSet());
    return report.problems().stream().filter(LoadProblem::isError)
        .filter(p -> p.id() == null || !invalidIds.contains(p.id())).toList();
  }

  private static long caseCount(DetectionReport d) {
    return switch (d.status()) {
      case SKIPPED -> Math.max(1, d.detection().tests().size());
      case INVALID -> 1;
      default -> d.tests().size() + (d.messages().isEmpty() ? 0 : 1);
    };
  }

  private static long failureCount(DetectionReport d) {
    return d.failedTests().size() + (d.status() == DetectionReport.Status.FAILED && !d.messages().isEmpty() ? 1 : 0);
  }

  private static void suite(XMLStreamWriter xml, DetectionReport d) throws XMLStreamException {
    String id = d.detection().id();
    newline(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", clean(id));
    long cases = caseCount(d);
    counts(xml, cases, failureCount(d), d.status() == DetectionReport.Status.INVALID ? 1 : 0,
        d.status() == DetectionReport.Status.SKIPPED ? cases : 0);
    newline(xml, 2);
    xml.writeStartElement("properties");
    property(xml, "analysisType", d.detection().type().yamlName());
    property(xml, "file", String.valueOf(d.detection().file()));
    property(xml, "status", d.status().name());
    newline(xml, 2);
    xml.writeEndElement();
    switch (d.status()) {
      case SKIPPED -> {
        String reason = d.messages().get(0);
        if (d.detection().tests().isEmpty()) {
          testcase(xml, id, "(no tests)", "skipped", reason, null);
        }
        for (var t : d.detection().tests()) {
          testcase(xml, id, t.name(), "skipped", reason, null);
        }
      }
      case INVALID -> testcase(xml, id, "load", "error", String.join("\n", d.messages()), null);
      default -> {
        for (TestResult t : d.tests()) {
          testcase(xml, id, t.name(), t.passed() ? null : "failure", String.join("\n", t.failures()), t.output());
        }
        if (!d.messages().isEmpty()) {
          testcase(xml, id, "minimum tests", "failure", String.join("\n", d.messages()), null);
        }
      }
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  private static void loadProblems(XMLStreamWriter xml, List<LoadProblem> problems) throws XMLStreamException {
    newline(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "load problems");
    counts(xml, problems.size(), 0, problems.size(), 0);
    for (LoadProblem p : problems) {
      String where = p.file() == null ? "(no file)" : p.file() + (p.line() > 0 ? ":" + p.line() : "");
      testcase(xml, "load", where + (p.id() == null ? "" : " (" + p.id() + ")"), "error", p.message(), null);
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  /** @param kind null (passed), {@code failure}, {@code error} or {@code skipped} */
  private static void testcase(XMLStreamWriter xml, String classname, String name, String kind, String text,
      String output) throws XMLStreamException {
    newline(xml, 2);
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", clean(classname));
    xml.writeAttribute("name", clean(name));
    if (kind != null) {
      newline(xml, 3);
      xml.writeStartElement(kind);
      xml.writeAttribute("message", clean(text.lines().findFirst().orElse("")));
      if (!kind.equals("skipped")) {
        xml.writeAttribute("type", kind.equals("error") ? "InvalidSpec" : "DetectionTestFailure");
        xml.writeCharacters(clean(text));
      }
      xml.writeEndElement();
    }
    if (output != null && !output.isEmpty()) {
      newline(xml, 3);
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(output));
      xml.writeEndElement();
    }
    if (kind != null || (output != null && !output.isEmpty())) {
      newline(xml, 2);
    }
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, long tests, long failures, long errors, long skipped)
      throws XMLStreamException {
    xml.writeAttribute("tests", Long.toString(tests));
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", Long.toString(errors));
    xml.writeAttribute("skipped", Long.toString(skipped));
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    newline(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** XML 1.0 cannot carry most control characters, which Python output may contain; they become U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || c >= 0x10000;
      out.appendCodePoint(ok ? c : 0xFFFD);
    });
    return out.toString();
  }
}
