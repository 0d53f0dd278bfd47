package dev.tarn.alerts.delivery.sns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What SNS's query protocol answers: {@code PublishResponse/PublishResult/MessageId} on success,
 * {@code ErrorResponse/Error/{Code,Message}} on failure. Anything else (a proxy's HTML page, truncated XML) parses to
 * an empty response.
 */
public record SnsResponse(Optional<String> messageId, Optional<String> errorCode, Optional<String> errorMessage) {
  public static final SnsResponse EMPTY = new SnsResponse(Optional.empty(), Optional.empty(), Optional.empty());

  public static SnsResponse parse(String xml) {
    if (xml == null || xml.isBlank()) {
      return EMPTY;
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // The body comes from the network: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return new SnsResponse(text(doc, "MessageId"), text(doc, "Code"), text(doc, "Message"));
    } catch (Exception e) {
      // Not XML (or not well-formed): the caller reports the status and a snippet of the text instead.
      return EMPTY;
    }
  }

  private static Optional<String> text(Document doc, String element) {
    NodeList nodes = doc.getElementsByTagNameNS("*", element);
    if (nodes.getLength() == 0) {
      return Optional.empty();
    }
    String value = nodes.item(0).getTextContent().strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
