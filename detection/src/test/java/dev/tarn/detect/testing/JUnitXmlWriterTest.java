package dev.tarn.detect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class JUnitXmlWriterTest {
  static Document doc;
  static final XPath XPATH = XPathFactory.newInstance().newXPath();

  @BeforeAll
  static void write() throws Exception {
    String xml = JUnitXmlWriter.toXml(ReportFixture.report());
    doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static String x(String expression) throws Exception {
    return XPATH.evaluate(expression, doc);
  }

  static double count(String expression) throws Exception {
    return (Double) XPATH.evaluate("count(" + expression + ")", doc, XPathConstants.NUMBER);
  }

  @Test
  void writesOneSuitePerDetectionAndOneForLoadProblems() throws Exception {
    assertThat(count("/testsuites/testsuite")).isEqualTo(6);
    assertThat(x("/testsuites/testsuite[1]/@name")).isEqualTo("Pass.Rule");
    assertThat(x("/testsuites/testsuite[6]/@name")).isEqualTo("load problems");
  }

  @Test
  void writesOneCasePerTestWithTheFailureReason() throws Exception {
    String suite = "/testsuites/testsuite[@name='Fail.Rule']";
    assertThat(count(suite + "/testcase")).isEqualTo(3);
    assertThat(x(suite + "/testcase[@name='fires']/@classname")).isEqualTo("Fail.Rule");
    assertThat(x(suite + "/testcase[@name='fires']/failure/@message"))
        .isEqualTo("[rule] expected True, got an error: KeyError: 'a'");
    assertThat(x(suite + "/testcase[@name='fires']/failure")).contains("Traceback: line 3");
    assertThat(count(suite + "/testcase[@name='quiet']/*")).isZero();
  }

  @Test
  void keepsCapturedOutputWithInvalidCharactersReplaced() throws Exception {
    assertThat(x("/testsuites/testsuite[@name='Fail.Rule']/testcase[@name='fires']/system-out"))
        .isEqualTo("printed <stuff> \uFFFD\n");
  }

  @Test
  void reportsCoverageFailuresAsTheirOwnCase() throws Exception {
    assertThat(x("/testsuites/testsuite[@name='Fail.Rule']/testcase[@name='minimum tests']/failure/@message"))
        .isEqualTo("Insufficient test coverage: 3 tests required but only 2 found");
  }

  @Test
  void countsPerSuite() throws Exception {
    String suite = "/testsuites/testsuite[@name='Fail.Rule']";
    assertThat(x(suite + "/@tests")).isEqualTo("3");
    assertThat(x(suite + "/@failures")).isEqualTo("2");
    assertThat(x(suite + "/@errors")).isEqualTo("0");
    assertThat(x(suite + "/@skipped")).isEqualTo("0");
  }

  @Test
  void countsForTheWholeRun() throws Exception {
    assertThat(x("/testsuites/@tests")).isEqualTo("7");
    assertThat(x("/testsuites/@failures")).isEqualTo("2");
    assertThat(x("/testsuites/@errors")).isEqualTo("2");
    assertThat(x("/testsuites/@skipped")).isEqualTo("1");
  }

  @Test
  void marksSkippedDetectionsTestsSkipped() throws Exception {
    assertThat(x("/testsuites/testsuite[@name='Corr']/testcase[@name='seq']/skipped/@message"))
        .isEqualTo("correlation rules are not evaluated yet; 1 test(s) not run");
  }

  @Test
  void reportsInvalidDetectionsAsErrors() throws Exception {
    assertThat(x("/testsuites/testsuite[@name='Broken.Rule']/testcase[@name='load']/error/@message"))
        .isEqualTo("SyntaxError: bad");
  }

  @Test
  void listsOtherInvalidSpecsInTheLoadProblemsSuite() throws Exception {
    String suite = "/testsuites/testsuite[@name='load problems']";
    assertThat(count(suite + "/testcase")).isEqualTo(1);
    assertThat(x(suite + "/testcase/@name")).isEqualTo("rules/bad.yml:4 (Bad.Rule)");
    assertThat(x(suite + "/testcase/error/@message")).isEqualTo("unknown key 'Severty'");
  }

  @Test
  void writesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("junit.xml");
    JUnitXmlWriter.write(ReportFixture.report(), file);
    assertThat(Files.readString(file)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
  }
}
