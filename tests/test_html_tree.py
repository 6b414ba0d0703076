"""The parser the page tests assert through: what it finds, and what it leaves out."""

from __future__ import annotations

from .html_tree import head_links, main_body, page_content, parse_html

PAGE = """<!DOCTYPE html>
<html><head><link rel="next" title="b" href="b.html" /><meta charset="utf-8"></head>
<body>
<div class="sphinxsidebar"><a href="index.html">Home</a></div>
<div class="body" role="main">
<section class="repodocs-page" id="p">
<h1>a.py<a class="headerlink" href="#p">¶</a></h1>
<section id="source"><h2>Source<a class="headerlink" href="#source">¶</a></h2>
<pre><a id="L-1"></a><span class="k">def</span> <a class="repodocs-ref" href="b.html#f">f</a>
<a id="L-2"></a><span class="k">return</span> &lt;x&gt;
</pre></section>
<section id="details"><h2>Details<a class="headerlink" href="#details">¶</a></h2>
<dl><dt>Size<span class="colon">:</span></dt><dd><p>3 bytes</p></dd></dl>
<table><thead><tr><th>Name</th><th>Line</th></tr></thead>
<tbody><tr><td>f</td><td><a href="#L-1">1</a></td></tr></tbody></table>
</section>
</section>
</div>
</body></html>
"""


def test_our_content_leaves_the_theme_out():
    assert "index.html" in parse_html(PAGE).hrefs()
    assert "index.html" not in main_body(PAGE).hrefs()
    assert page_content(PAGE).attrs["id"] == "p"
    assert {"rel": "next", "title": "b", "href": "b.html"} in head_links(PAGE)


def test_elements_by_attribute_heading_and_order():
    page = page_content(PAGE)
    assert page.headings() == ["a.py", "Source", "Details"]
    assert page.titled("Details") is page.section("details")
    assert page.link("b.html#f").text() == "f"
    assert page.has("a", id="L-2") and not page.has("a", id="L-3")
    assert page.position(page.section("source")) < page.position(page.section("details"))
    details = page.section("details")
    assert details.fields() == {"Size": "3 bytes"}
    assert details.headers() == ["Name", "Line"] and details.rows() == [["f", "1"]]


def test_a_listing_line_and_text_without_the_listing():
    page = page_content(PAGE)
    pre = page.find("pre")
    line = pre.between(pre.find("a", id="L-1"), pre.find("a", id="L-2"))
    assert [element.text() for element in line if element.tag == "a"] == ["f"]
    assert [element.text() for element in pre.between(pre.find("a", id="L-2"))] == ["return"]
    assert "<x>" in pre.text()  # entities are text
    assert "def" not in page.text_without(pre) and "3 bytes" in page.text_without(pre)
    assert "Details" not in page.text_before(page.section("details"))
