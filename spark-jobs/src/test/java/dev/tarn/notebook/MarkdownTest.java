package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void rendersHeadingsParagraphsListsAndCodeBlocks() {
    String html = Markdown.toHtml("# Title\nline one\nline two\n\n- a\n- b\n\n1. first\n```\nx < y\n```");
    assertThat(html).isEqualTo("<h1>Title</h1>\n<p>line one line two</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        + "<ol>\n<li>first</li>\n</ol>\n<pre><code>x &lt; y\n</code></pre>\n");
  }

  @Test
  void linksStayText() {
    assertThat(Markdown.toHtml("[x](javascript:alert(1))")).isEqualTo("<p>[x](javascript:alert(1))</p>\n");
  }
}
